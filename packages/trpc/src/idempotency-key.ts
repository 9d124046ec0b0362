import { z } from 'zod';

/**
 * The key a client makes once per intended change and sends again on every retry, so a
 * retried request never duplicates data. Opaque to the server (a UUID from the browser, or
 * any 8–100 characters a script chooses); one rule for every procedure that takes one.
 */
export const ZIdempotencyKey = z.string().min(8, 'a key of at least 8 characters for this request').max(100);
