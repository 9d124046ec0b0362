import { z } from 'zod';

/**
 * A mobile number as a person types it on the activation or reset page (`+86 138 0000 0001`),
 * compared as the ledger keeps it (`13800000001`).
 */
export const ZTypedPhone = z
  .string()
  .max(32)
  .transform((value) => value.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, 'a mobile number: 11 digits starting with 1'));
