import { createCopyConsumer } from '@tongxin/copies';
import { checkins, members, orgs, processedEvents, seats } from '../schema.ts';

/**
 * Keeps scoring's copies of roster's members and orgs and of reporting's check-ins and identity's seats current
 * (@tongxin/copies), each event once (`scoring.processed_events`).
 */
export const applyCopyEventToScoring = createCopyConsumer({ copies: { members, orgs, checkins, seats }, processed: processedEvents });
