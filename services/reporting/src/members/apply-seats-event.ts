import { createSeatsConsumer } from '@tongxin/copies';
import { processedEvents, seats } from '../schema.ts';

/**
 * Reporting's copy of identity's secretary seats, from `identity.seats_changed` (each event
 * once): report acknowledgement, suggestions, check-ins and attendance are decided by the
 * level above the member's seat (issue 13 C).
 */
export const applySeatsToReporting = createSeatsConsumer({ seats, processed: processedEvents });
