import { createCityGrantConsumer } from '@tongxin/copies';
import { cityGrants, processedEvents } from '../schema.ts';

/** Scoring's copy of the counties' grants to their city, kept from `identity.city_grant_changed`: the city's read of scoring's rollups (issue 15). */
export const applyCityGrantToScoring = createCityGrantConsumer({ grants: cityGrants, processed: processedEvents });
