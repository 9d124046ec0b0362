import type { ServiceHarness } from '@tongxin/trpc/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceNames } from './services.ts';
import { createPlatformHarness } from './testing/platform-harness.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createPlatformHarness({ members: 5 });
});
afterAll(() => h.close().catch(() => undefined));

describe('health', () => {
  it('every service answers 200 after querying the database', async () => {
    for (const service of serviceNames) {
      const response = await h.request(`/api/${service}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ service, ok: true, db: h.database.kind });
    }
  });

  it('answers 503 with ok:false when the database cannot be reached', async () => {
    await h.database.close();
    const response = await h.request('/api/roster/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ service: 'roster', ok: false });
  });

  it('a procedure answers SERVICE_UNAVAILABLE, without SQL in the message, when the database is gone', async () => {
    const result = await h.query('/api/roster/trpc/orgs.counts', { as: { tenantId: '431023', roles: [{ role: 'department' }] } });
    expect(result.status).toBe(503);
    expect(result.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable: try again shortly' });
  });
});
