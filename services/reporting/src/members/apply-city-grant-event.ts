import { createCityGrantConsumer } from '@tongxin/copies';
import { cityGrants, processedEvents } from '../schema.ts';

/** Reporting's copy of the counties' grants to their city, kept from `identity.city_grant_changed`: the city's read of reporting's rollups (issue 15). */
export const applyCityGrantToReporting = createCityGrantConsumer({ grants: cityGrants, processed: processedEvents });
