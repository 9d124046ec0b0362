import { parsePayload, TOPICS } from '@tongxin/events';
import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { lapseCertificates } from '../jobs.ts';
import { migrations } from '../migrations.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

// Issue 17: "it lapses at its end date with a reminder to the member and the branch beforehand".
let h: ServiceHarness;
let ids: Record<string, string>;
let db: ReturnType<typeof ownerReads>;
const certificate: Record<string, string> = {};

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  const as = callers(ids);
  db = ownerReads(h.database);
  // The branch's secretary, and a deputy whose seat ended: only the one seated is reminded.
  await h.database.owner.execute(sql`insert into roster.seats (tenant_id, user_id, org_id, ended_at) values
    ('yx', 'sec-branch', ${ids.yongshuiMobile}, null), ('yx', 'former-deputy', ${ids.yongshuiMobile}, now())`);
  for (const [name, validUntil] of [['李明', '2026-11-20'], ['李华', '2027-02-01']] as const) {
    const memberId = await db.memberId(name);
    const issued = await h.mutate('/api/roster/trpc/certificates.issue', {
      as: as.secretaryOf('matian'), input: { orgId: ids.matian, memberId, validUntil, idempotencyKey: `lapse-${name}` },
    });
    certificate[name] = issued.data.certificateId;
  }
});
afterAll(() => h.close());

const endingEvents = async () =>
  (await db.rows(sql`select tenant_id, payload from roster.outbox where topic = ${TOPICS.roster.certificateEnding} order by created_at`))
    .map((row) => ({ tenantId: row.tenant_id, ...parsePayload(TOPICS.roster.certificateEnding, row.payload) }));

describe('lapseCertificates (the daily job)', () => {
  it('15 days before its end a certificate is announced once, naming the holder’s account and the branch’s seated secretaries', async () => {
    expect(await lapseCertificates(h.database, new Date('2026-11-04T08:00:00+08:00'))).toEqual([{ tenantId: 'yx', lapsed: 0, reminded: 0 }]);
    expect(await lapseCertificates(h.database, new Date('2026-11-05T08:00:00+08:00'))).toEqual([{ tenantId: 'yx', lapsed: 0, reminded: 1 }]);
    expect(await endingEvents()).toEqual([{
      tenantId: 'yx', certificateId: certificate['李明'], memberId: await db.memberId('李明'), number: '永兴〔2026〕第001号', holderName: '李明',
      validUntil: '2026-11-20', memberUserId: 'user-liming', branchUserIds: ['sec-branch'],
    }]);
    // Again the same day, or the next: nothing more.
    await lapseCertificates(h.database, new Date('2026-11-05T20:00:00+08:00'));
    await lapseCertificates(h.database, new Date('2026-11-06T08:00:00+08:00'));
    expect(await endingEvents()).toHaveLength(1);
  });

  it('the day after its end date it lapses (expired) and the register shows it; one still running stays valid', async () => {
    expect(await lapseCertificates(h.database, new Date('2026-11-20T23:00:00+08:00'))).toEqual([{ tenantId: 'yx', lapsed: 0, reminded: 0 }]);
    // 00:30 on the 21st in Beijing is still the 20th in UTC: the China date decides.
    expect(await lapseCertificates(h.database, new Date('2026-11-21T00:30:00+08:00'))).toEqual([{ tenantId: 'yx', lapsed: 1, reminded: 0 }]);
    expect(await db.rows(sql`select holder_name, status, lapsed_at is not null as lapsed from roster.certificates order by seq`)).toEqual([
      { holder_name: '李明', status: 'expired', lapsed: true },
      { holder_name: '李华', status: 'valid', lapsed: false },
    ]);
    // A county whose certificates all ended is no longer visited.
    await h.database.owner.execute(sql`update roster.certificates set status = 'returned' where id = ${certificate['李华']}`);
    expect(await lapseCertificates(h.database, new Date('2026-11-22T08:00:00+08:00'))).toEqual([]);
  });
});
