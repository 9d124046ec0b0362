import { createServiceHarness } from '@tongxin/trpc/testing';
import { createPlatformApp } from '../platform-app.ts';
import { RUCHENG, YONGXING } from '../seed/county-plan.ts';
import { seedCounty } from '../seed/seed-county.ts';
import { serviceMigrations } from '../services.ts';

/** All five services on one app over one real database, seeded with the two demo counties. */
export async function createPlatformHarness(options: { members?: number } = {}) {
  const h = await createServiceHarness(createPlatformApp(), serviceMigrations);
  for (const plan of [YONGXING, RUCHENG]) {
    await seedCounty(h.database, { ...plan, members: options.members ?? plan.members }, () => undefined);
  }
  return h;
}
