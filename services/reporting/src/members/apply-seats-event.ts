import { createSeatsConsumer } from '@tongxin/copies';
import { refreshHomeContacts } from '../checkins/home-contacts.ts';
import { processedEvents, seatContacts, seats } from '../schema.ts';

/**
 * Reporting's copy of identity's secretary seats, from `identity.seats_changed` (each event
 * once): report acknowledgement, suggestions, check-ins and attendance are decided by the
 * level above the member's seat (issue 13 C). With the holders' contacts, which open check-ins
 * show their destination (issue 17), refreshed in the same transaction.
 */
export const applySeatsToReporting = createSeatsConsumer({ seats, processed: processedEvents, contacts: seatContacts, afterApply: refreshHomeContacts });
