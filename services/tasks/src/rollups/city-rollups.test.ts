import { describeCityRollups } from '@tongxin/rollups/testing';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { applyCityGrantToTasks } from '../copies/apply-city-grant-event.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
});
afterAll(() => h.close());

describeCityRollups({ service: 'tasks', harness: () => h, consume: (database, event) => applyCityGrantToTasks(database, event) });
