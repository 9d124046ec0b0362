import { createCityGrantConsumer } from '@tongxin/copies';
import { cityGrants, processedEvents } from '../schema.ts';

/** Tasks' copy of the counties' grants to their city, kept from `identity.city_grant_changed`: the city's read of tasks' rollups (issue 15). */
export const applyCityGrantToTasks = createCityGrantConsumer({ grants: cityGrants, processed: processedEvents });
