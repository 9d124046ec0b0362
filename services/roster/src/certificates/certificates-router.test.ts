import { createServiceHarness, type ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { migrations } from '../migrations.ts';
import { callers, ownerReads } from '../testing/callers.ts';
import { seedRoster } from '../testing/roster-fixture.ts';

// Issue 17: the activity certificate (流动党员活动证) and the certificate letter (证明信). The
// harness's clock stands at 2026-11-02 09:00 Beijing time.
let h: ServiceHarness;
let ids: Record<string, string>;
let as: ReturnType<typeof callers>;
let db: ReturnType<typeof ownerReads>;
let liMing: string; // 涌水村流动党员党支部, mobile, account user-liming
let liHua: string; // 涌水村流动党员党支部, mobile, no account
let caoChunsheng: string; // 涌水村, made mobile since January below, account user-cao
let caoDesheng: string; // 涌水村, at home
let huangWenjie: string; // 龙潭村 (黄草镇), at home

const trpc = (name: string) => `/api/roster/trpc/certificates.${name}`;
const liMingAccount = () => as.memberAs('user-liming', 'yongshuiMobile');
const caoAccount = () => as.memberAs('user-cao', 'yongshui');
const certificateRow = async (id: string) => (await db.rows(sql`select * from roster.certificates where id = ${id}`))[0];

beforeAll(async () => {
  h = await createServiceHarness(app, [migrations]);
  ({ ids } = await seedRoster(h.database));
  as = callers(ids);
  db = ownerReads(h.database);
  liMing = await db.memberId('李明');
  liHua = await db.memberId('李华');
  caoChunsheng = await db.memberId('曹春生');
  caoDesheng = await db.memberId('曹德胜');
  huangWenjie = await db.memberId('黄文杰');
  await h.database.owner.execute(sql`update roster.members set user_id = 'user-cao', status = 'mobile', away_since = '2026-01-10',
    destination_province = '广东省', destination_city = '东莞', away_reason = 'work' where id = ${caoChunsheng}`);
});
afterAll(() => h.close());

const issue = (memberId: string, key: string, extra: object = {}) => ({
  orgId: ids.matian, memberId, validUntil: '2027-03-01', idempotencyKey: key, ...extra,
});

describe('certificates.issue', () => {
  it('the township issues a member who is away a numbered certificate once, however often the request is retried', async () => {
    const first = await h.mutate(trpc('issue'), { as: as.secretaryOf('matian'), input: issue(liMing, 'cert-liming-1') });
    const retry = await h.mutate(trpc('issue'), { as: as.secretaryOf('matian'), input: issue(liMing, 'cert-liming-1') });
    expect(first.error).toBeNull();
    expect(first.data).toEqual({ certificateId: expect.any(String), number: '永兴〔2026〕第001号' });
    expect(retry.data).toEqual(first.data);
    expect(await db.rows(sql`select id from roster.certificates where member_id = ${liMing}`)).toHaveLength(1);
    // What the certificate says comes from the record, as issued.
    expect(await certificateRow(first.data.certificateId)).toMatchObject({
      holder_name: '李明', branch_name: '涌水村流动党员党支部', county_name: '永兴县', issuer_name: '马田镇党委', issuer_org_id: ids.matian,
      destination_city: '深圳', left_on: '2026-11-02', issued_on: '2026-11-02', valid_until: '2027-03-01', status: 'valid', token_hash: null,
      issued_by: 'sec-matian',
    });
  });

  it('a second valid certificate for the same member is BAD_REQUEST naming memberId and changes nothing', async () => {
    const before = await db.count('certificates');
    const result = await h.mutate(trpc('issue'), { as: as.secretaryOf('matian'), input: issue(liMing, 'cert-liming-2') });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'certificate_held' }, problems: { memberId: { params: { number: '永兴〔2026〕第001号' } } } });
    expect(await db.count('certificates')).toBe(before);
    expect(await db.rows(sql`select last from roster.certificate_numbers`)).toEqual([{ last: 1 }]);
  });

  it('a member who is not away is BAD_REQUEST naming memberId, and no number is used up', async () => {
    const result = await h.mutate(trpc('issue'), { as: as.secretaryOf('matian'), input: issue(caoDesheng, 'cert-desheng-1') });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'not_away' } });
    expect(await db.rows(sql`select id from roster.certificates where member_id = ${caoDesheng}`)).toEqual([]);
    expect(await db.rows(sql`select last from roster.certificate_numbers`)).toEqual([{ last: 1 }]);
  });

  it('beyond 6 months away it needs the reason the membership cannot be transferred yet (BAD_REQUEST validUntil), then it is issued', async () => {
    // Away since 10 January: a certificate to March is over 6 months away.
    const refused = await h.mutate(trpc('issue'), { as: as.secretaryOf('matian'), input: issue(caoChunsheng, 'cert-cao-1') });
    expect(refused.error).toMatchObject({ code: 'BAD_REQUEST', fields: { validUntil: 'certificate_too_long' }, problems: { validUntil: { params: { months: 6 } } } });
    const tooFar = await h.mutate(trpc('issue'), { as: as.secretaryOf('matian'), input: issue(caoChunsheng, 'cert-cao-2', { validUntil: '2029-01-01', notTransferableReason: '单位未建党组织' }) });
    expect(tooFar.error).toMatchObject({ code: 'BAD_REQUEST', fields: { validUntil: 'certificate_too_long' } });
    const past = await h.mutate(trpc('issue'), { as: as.secretaryOf('matian'), input: issue(caoChunsheng, 'cert-cao-3', { validUntil: '2026-11-02', notTransferableReason: '单位未建党组织' }) });
    expect(past.error).toMatchObject({ code: 'BAD_REQUEST', fields: { validUntil: 'in_past' } });
    const issued = await h.mutate(trpc('issue'), { as: as.secretaryOf('matian'), input: issue(caoChunsheng, 'cert-cao-4', { notTransferableReason: '流入地单位尚未建立党组织' }) });
    expect(issued.data).toEqual({ certificateId: expect.any(String), number: '永兴〔2026〕第002号' });
    expect(await certificateRow(issued.data.certificateId)).toMatchObject({
      left_on: '2026-01-10', destination_province: '广东省', destination_city: '东莞', reason_code: 'work', not_transferable_reason: '流入地单位尚未建立党组织',
    });
  });

  it('the department issues for the county under its own name; the number follows the county’s sequence', async () => {
    const result = await h.mutate(trpc('issue'), { as: as.department(), input: issue(liHua, 'cert-lihua-1', { orgId: ids.department, validUntil: '2027-02-01' }) });
    expect(result.data).toEqual({ certificateId: expect.any(String), number: '永兴〔2026〕第003号' });
    expect(await certificateRow(result.data.certificateId)).toMatchObject({ issuer_name: '永兴县委组织部', destination_city: '东莞' });
  });

  it('a branch is no committee (BAD_REQUEST orgId); a branch secretary naming the township, or another township, finds nothing (NOT_FOUND)', async () => {
    const before = await db.count('certificates');
    const asBranch = await h.mutate(trpc('issue'), { as: as.secretaryOf('yongshuiMobile'), input: issue(liMing, 'cert-branch-1', { orgId: ids.yongshuiMobile }) });
    expect(asBranch.error).toMatchObject({ code: 'BAD_REQUEST', fields: { orgId: 'not_a_committee' } });
    const township = await h.mutate(trpc('issue'), { as: as.secretaryOf('yongshuiMobile'), input: issue(liMing, 'cert-branch-2') });
    expect(township.error?.code).toBe('NOT_FOUND');
    // 黄草镇's secretary names its own committee for a member of 马田镇: not theirs to see.
    const other = await h.mutate(trpc('issue'), { as: as.secretaryOf('huangcao'), input: issue(liMing, 'cert-huangcao-1', { orgId: ids.huangcao }) });
    expect(other.error?.code).toBe('NOT_FOUND');
    // The department names 黄草镇 for a member of 马田镇.
    const outside = await h.mutate(trpc('issue'), { as: as.department(), input: issue(huangWenjie, 'cert-outside-1', { orgId: ids.matian }) });
    expect(outside.error).toMatchObject({ code: 'BAD_REQUEST', fields: { memberId: 'member_outside_org' } });
    expect(await db.count('certificates')).toBe(before);
  });

  it('another county’s secretary or department cannot issue for this county (NOT_FOUND), and a member is FORBIDDEN', async () => {
    const before = await db.count('certificates');
    for (const caller of [as.department('rc'), as.secretaryOf('rcDepartment', 'rc')]) {
      const result = await h.mutate(trpc('issue'), { as: caller, input: issue(liMing, `cert-rc-${caller.userId}`) });
      expect(result.error?.code).toBe('NOT_FOUND');
    }
    const asMember = await h.mutate(trpc('issue'), { as: liMingAccount(), input: issue(liMing, 'cert-self-1') });
    expect(asMember.error?.code).toBe('FORBIDDEN');
    expect(await db.count('certificates')).toBe(before);
  });

  it('nobody issues a certificate to themself: a township secretary who is the member is FORBIDDEN', async () => {
    await h.database.owner.execute(sql`update roster.certificates set status = 'revoked' where member_id = ${liHua}`);
    await h.database.owner.execute(sql`update roster.members set user_id = 'user-lihua' where id = ${liHua}`);
    const self = { tenantId: 'yx', userId: 'user-lihua', roles: [{ role: 'secretary' as const, orgId: ids.matian! }] };
    const result = await h.mutate(trpc('issue'), { as: self, input: issue(liHua, 'cert-lihua-self') });
    expect(result.error).toMatchObject({ code: 'FORBIDDEN', reason: 'decides_about_oneself' });
    expect(await db.rows(sql`select status from roster.certificates where member_id = ${liHua}`)).toEqual([{ status: 'revoked' }]);
  });
});

describe('certificates.register and certificates.candidates', () => {
  it('the township’s register lists its certificates newest first, with the official columns; candidates are those away without one', async () => {
    const register = await h.query(trpc('register'), { as: as.secretaryOf('matian'), input: { orgId: ids.matian } });
    expect(register.data.map((r: { number: string }) => r.number)).toEqual(['永兴〔2026〕第003号', '永兴〔2026〕第002号', '永兴〔2026〕第001号']);
    expect(register.data[2]).toMatchObject({
      holderName: '李明', gender: null, branchName: '涌水村流动党员党支部', destinationCity: '深圳', issuedOn: '2026-11-02', validUntil: '2027-03-01',
      status: 'valid', handedBackOn: null, checkedInWith: [],
    });
    const valid = await h.query(trpc('register'), { as: as.secretaryOf('matian'), input: { orgId: ids.matian, status: 'valid', year: 2026 } });
    expect(valid.data.map((r: { holderName: string }) => r.holderName)).toEqual(['曹春生', '李明']);
    await h.database.owner.execute(sql`update roster.members set status = 'mobile', away_since = '2026-10-01', destination_city = '长沙' where id = ${caoDesheng}`);
    const candidates = await h.query(trpc('candidates'), { as: as.secretaryOf('matian'), input: { orgId: ids.matian } });
    expect(candidates.data).toEqual([
      { memberId: caoDesheng, name: '曹德胜', branchName: '涌水村党支部', leftOn: '2026-10-01', destinationProvince: null, destinationCity: '长沙', reasonCode: null, expectedMonths: null },
      expect.objectContaining({ memberId: liHua, name: '李华' }),
    ]);
    await h.database.owner.execute(sql`update roster.members set status = 'resident', away_since = null, destination_city = null where id = ${caoDesheng}`);
  });

  it('a branch secretary reads their members’ lines only; another county reads none and cannot name this county’s org (NOT_FOUND)', async () => {
    const branch = await h.query(trpc('register'), { as: as.secretaryOf('yongshui'), input: {} });
    expect(branch.data.map((r: { holderName: string }) => r.holderName)).toEqual(['曹春生']);
    expect((await h.query(trpc('register'), { as: as.department('rc'), input: {} })).data).toEqual([]);
    expect((await h.query(trpc('register'), { as: as.department('rc'), input: { orgId: ids.matian } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('candidates'), { as: as.department('rc'), input: { orgId: ids.matian } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('candidates'), { as: as.secretaryOf('huangcao'), input: { orgId: ids.matian } })).error?.code).toBe('NOT_FOUND');
  });

  it('a member may read neither the register nor the candidates (FORBIDDEN)', async () => {
    expect((await h.query(trpc('register'), { as: liMingAccount(), input: {} })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('candidates'), { as: liMingAccount(), input: { orgId: ids.matian } })).error?.code).toBe('FORBIDDEN');
  });
});

describe('the member’s certificate, its code, and verifying it from any county', () => {
  let liMingCertificate: string;
  let token: string;
  beforeAll(async () => {
    liMingCertificate = (await db.rows(sql`select id from roster.certificates where member_id = ${liMing}`))[0].id;
  });

  it('a check-in accepted while it stands references it: the register and the member’s certificate name the destination', async () => {
    // A grant of 李明's ledger to 汝城's 热水村, as roster's consumer writes it from an accepted check-in.
    await h.database.owner.execute(sql`insert into roster.org_directory (tenant_id, org_id, kind, name, path) values ('rc', ${ids.reshui}, 'branch', '热水村党支部', '/x/')`);
    await h.database.owner.execute(sql`insert into roster.ledger_grants (tenant_id, member_id, checkin_id, grantee_tenant_id, grantee_org_id, grantee_org_path, fields, data, granted_by, granted_at)
      values ('yx', ${liMing}, gen_random_uuid(), 'rc', ${ids.reshui}, '/x/', array['destinationCity'], '{}'::jsonb, 'sec-reshui', '2026-11-02T10:00:00+08:00')`);
    const register = await h.query(trpc('register'), { as: as.secretaryOf('matian'), input: { orgId: ids.matian } });
    expect(register.data.find((r: { id: string }) => r.id === liMingCertificate).checkedInWith).toEqual(['热水村党支部']);
    expect((await h.query(trpc('mine'), { as: liMingAccount() })).data[0].checkedInWith).toEqual(['热水村党支部']);
  });

  it('the member reads their own certificate and gets a code for it, of which only the hash is kept', async () => {
    const mine = await h.query(trpc('mine'), { as: liMingAccount() });
    expect(mine.data).toEqual([expect.objectContaining({ id: liMingCertificate, number: '永兴〔2026〕第001号', status: 'valid', countyName: '永兴县', checkedInWith: ['热水村党支部'] })]);
    const code = await h.mutate(trpc('showCode'), { as: liMingAccount(), input: { certificateId: liMingCertificate } });
    expect(code.data).toEqual({ token: expect.stringMatching(/^[a-z2-7]{32}$/), validUntil: '2027-03-01' });
    token = code.data.token;
    const row = await certificateRow(liMingCertificate);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('another member reads nothing of it and gets no code for it (NOT_FOUND); a secretary without the member role is FORBIDDEN', async () => {
    expect((await h.query(trpc('mine'), { as: caoAccount() })).data.map((c: { holderName: string }) => c.holderName)).toEqual(['曹春生']);
    expect((await h.mutate(trpc('showCode'), { as: caoAccount(), input: { certificateId: liMingCertificate } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('showCode'), { as: as.secretaryOf('matian'), input: { certificateId: liMingCertificate } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('mine'), { as: as.department() })).error?.code).toBe('FORBIDDEN');
    // A member of another county with the same user id finds no certificate in theirs, nor gets its code.
    expect((await h.query(trpc('mine'), { as: as.memberAs('user-liming', 'reshui', 'rc') })).data).toEqual([]);
    expect((await h.mutate(trpc('showCode'), { as: as.memberAs('user-liming', 'reshui', 'rc'), input: { certificateId: liMingCertificate } })).error?.code).toBe('NOT_FOUND');
  });

  it('a secretary of another county verifies it: valid, the name, home branch, county and end date, and nothing else', async () => {
    for (const caller of [as.secretaryOf('reshui', 'rc'), as.department('rc'), as.secretaryOf('shenzhen')]) {
      const result = await h.query(trpc('verify'), { as: caller, input: { token } });
      expect(result.data).toEqual({
        status: 'valid', number: '永兴〔2026〕第001号', holderName: '李明', branchName: '涌水村流动党员党支部', countyId: 'yx', countyName: '永兴县', validUntil: '2027-03-01',
      });
    }
  });

  it('a member cannot verify (FORBIDDEN); an unknown token, or one the member has replaced, is NOT_FOUND', async () => {
    expect((await h.query(trpc('verify'), { as: as.memberAs('user-zhu', 'reshui', 'rc'), input: { token } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('verify'), { as: as.department('rc'), input: { token: 'a'.repeat(32) } })).error).toMatchObject({ code: 'NOT_FOUND', reason: 'certificate_not_found' });
    const newer = await h.mutate(trpc('showCode'), { as: liMingAccount(), input: { certificateId: liMingCertificate } });
    expect((await h.query(trpc('verify'), { as: as.department('rc'), input: { token } })).error?.code).toBe('NOT_FOUND');
    token = newer.data.token;
    expect((await h.query(trpc('verify'), { as: as.department('rc'), input: { token } })).data.status).toBe('valid');
  });

  it('past its end date it verifies as expired (BAD_REQUEST token, no name) and gives no new code, before the daily job runs', async () => {
    const now = h.clock.now;
    h.clock.now = new Date('2027-03-02T09:00:00+08:00');
    try {
      const verify = await h.query(trpc('verify'), { as: as.department('rc'), input: { token } });
      expect(verify.error).toMatchObject({ code: 'BAD_REQUEST', reason: 'certificate_expired', fields: { token: 'certificate_expired' }, problems: { token: { params: { validUntil: '2027-03-01' } } } });
      expect(JSON.stringify(verify.error)).not.toContain('李明');
      const code = await h.mutate(trpc('showCode'), { as: liMingAccount(), input: { certificateId: liMingCertificate } });
      expect(code.error).toMatchObject({ code: 'BAD_REQUEST', fields: { certificateId: 'certificate_expired' } });
      expect((await h.query(trpc('mine'), { as: liMingAccount() })).data[0].status).toBe('expired');
    } finally {
      h.clock.now = now;
    }
    expect((await certificateRow(liMingCertificate)).status).toBe('valid');
  });
});

describe('certificates.revoke', () => {
  it('the township revokes a valid certificate with a reason; its code then verifies as revoked; a retry changes nothing more', async () => {
    const certificate = (await db.rows(sql`select id from roster.certificates where member_id = ${caoChunsheng}`))[0].id;
    const { data: code } = await h.mutate(trpc('showCode'), { as: caoAccount(), input: { certificateId: certificate } });
    const input = { certificateId: certificate, reason: '已转接组织关系', idempotencyKey: 'revoke-cao-1' };
    const first = await h.mutate(trpc('revoke'), { as: as.secretaryOf('matian'), input });
    const retry = await h.mutate(trpc('revoke'), { as: as.secretaryOf('matian'), input });
    expect(first.data).toEqual({ certificateId: certificate, status: 'revoked' });
    expect(retry.data).toEqual(first.data);
    expect(await certificateRow(certificate)).toMatchObject({ status: 'revoked', revoke_reason: '已转接组织关系', closed_by: 'sec-matian' });
    const verify = await h.query(trpc('verify'), { as: as.secretaryOf('reshui', 'rc'), input: { token: code.token } });
    expect(verify.error).toMatchObject({ code: 'BAD_REQUEST', fields: { token: 'certificate_revoked' } });
    const again = await h.mutate(trpc('revoke'), { as: as.secretaryOf('matian'), input: { ...input, idempotencyKey: 'revoke-cao-2' } });
    expect(again.error).toMatchObject({ code: 'BAD_REQUEST', fields: { certificateId: 'certificate_not_valid' }, problems: { certificateId: { params: { status: 'revoked' } } } });
  });

  it('issuing and revoking each record roster.certificate_changed once, with what a check-in shows (issue 17), and a refused revoke records nothing', async () => {
    const certificate = (await db.rows(sql`select id, number, valid_until from roster.certificates where member_id = ${caoChunsheng}`))[0];
    const changes = await db.rows(sql`select payload from roster.outbox where topic = 'roster.certificate_changed' and payload->>'certificateId' = ${certificate.id} order by created_at`);
    expect(changes.map((row: { payload: Record<string, unknown> }) => row.payload)).toEqual([
      { certificateId: certificate.id, memberId: caoChunsheng, number: certificate.number, validUntil: certificate.valid_until, status: 'valid', at: expect.any(String) },
      { certificateId: certificate.id, memberId: caoChunsheng, number: certificate.number, validUntil: certificate.valid_until, status: 'revoked', at: expect.any(String) },
    ]);
  });

  it('a branch secretary who sees it is FORBIDDEN, another county NOT_FOUND, a member FORBIDDEN; nothing changes', async () => {
    const certificate = (await db.rows(sql`select id from roster.certificates where member_id = ${liMing}`))[0].id;
    const input = { certificateId: certificate, reason: '误发', idempotencyKey: 'revoke-liming-x' };
    expect((await h.mutate(trpc('revoke'), { as: as.secretaryOf('yongshuiMobile'), input })).error).toMatchObject({ code: 'FORBIDDEN', reason: 'not_your_org' });
    expect((await h.mutate(trpc('revoke'), { as: as.department('rc'), input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('revoke'), { as: liMingAccount(), input })).error?.code).toBe('FORBIDDEN');
    expect((await certificateRow(certificate)).status).toBe('valid');
  });
});

describe('on return: the report on the time away, then the township closes it', () => {
  let certificate: string;
  beforeAll(async () => {
    certificate = (await db.rows(sql`select id from roster.certificates where member_id = ${liMing}`))[0].id;
  });
  const report = () => ({ certificateId: certificate, activities: '在深圳家具厂务工，参加流动党支部组织生活', joinedOrg: '永兴县驻深圳流动党员党支部', meetings: 4 });

  it('the member reports what they did, where they joined and the meetings there; another member or a secretary cannot', async () => {
    expect((await h.mutate(trpc('reportTimeAway'), { as: caoAccount(), input: report() })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('reportTimeAway'), { as: as.secretaryOf('matian'), input: report() })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('reportTimeAway'), { as: as.memberAs('user-liming', 'reshui', 'rc'), input: report() })).error?.code).toBe('NOT_FOUND');
    const bad = await h.mutate(trpc('reportTimeAway'), { as: liMingAccount(), input: { ...report(), meetings: -1 } });
    expect(bad.error).toMatchObject({ code: 'BAD_REQUEST', fields: { meetings: expect.any(String) } });
    const done = await h.mutate(trpc('reportTimeAway'), { as: liMingAccount(), input: report() });
    expect(done.data).toEqual({ certificateId: certificate });
    expect(await certificateRow(certificate)).toMatchObject({ report_joined_org: '永兴县驻深圳流动党员党支部', report_meetings: 4, status: 'valid' });
  });

  it('a branch secretary cannot close it (FORBIDDEN), another county cannot find it (NOT_FOUND), nor may a date before it was issued (BAD_REQUEST)', async () => {
    const input = { certificateId: certificate, handedBackOn: '2026-11-20', idempotencyKey: 'close-liming-x' };
    expect((await h.mutate(trpc('close'), { as: as.secretaryOf('yongshuiMobile'), input })).error).toMatchObject({ code: 'FORBIDDEN', reason: 'not_your_org' });
    expect((await h.mutate(trpc('close'), { as: as.secretaryOf('reshui', 'rc'), input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('close'), { as: liMingAccount(), input })).error?.code).toBe('FORBIDDEN');
    const early = await h.mutate(trpc('close'), { as: as.secretaryOf('matian'), input: { ...input, handedBackOn: '2026-10-01' } });
    expect(early.error).toMatchObject({ code: 'BAD_REQUEST', fields: { handedBackOn: 'before_issued_on' } });
    expect((await certificateRow(certificate)).status).toBe('valid');
  });

  it('the township closes it once; the register shows it handed back with the report, and its code verifies as returned', async () => {
    const { data: code } = await h.mutate(trpc('showCode'), { as: liMingAccount(), input: { certificateId: certificate } });
    h.clock.now = new Date('2026-11-21T10:00:00+08:00');
    const input = { certificateId: certificate, handedBackOn: '2026-11-20', note: '已核对', idempotencyKey: 'close-liming-1' };
    const first = await h.mutate(trpc('close'), { as: as.secretaryOf('matian'), input });
    const retry = await h.mutate(trpc('close'), { as: as.secretaryOf('matian'), input });
    expect(first.data).toEqual({ certificateId: certificate, status: 'returned' });
    expect(retry.data).toEqual(first.data);
    const register = await h.query(trpc('register'), { as: as.secretaryOf('matian'), input: { orgId: ids.matian } });
    expect(register.data.find((r: { id: string }) => r.id === certificate)).toMatchObject({
      status: 'returned', handedBackOn: '2026-11-20', closeNote: '已核对', reportMeetings: 4, reportJoinedOrg: '永兴县驻深圳流动党员党支部',
    });
    expect((await h.query(trpc('verify'), { as: as.department('rc'), input: { token: code.token } })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { token: 'certificate_returned' } });
    const again = await h.mutate(trpc('close'), { as: as.secretaryOf('matian'), input: { ...input, idempotencyKey: 'close-liming-2' } });
    expect(again.error).toMatchObject({ code: 'BAD_REQUEST', fields: { certificateId: 'certificate_not_valid' } });
    // The report was the member's to give before: now it is closed.
    const late = await h.mutate(trpc('reportTimeAway'), { as: liMingAccount(), input: { ...report(), meetings: 5 } });
    expect(late.error).toMatchObject({ code: 'BAD_REQUEST', fields: { certificateId: 'certificate_not_valid' } });
    // Handed back, the member may get a new certificate for the next time away.
    const next = await h.mutate(trpc('issue'), { as: as.secretaryOf('matian'), input: issue(liMing, 'cert-liming-next', { validUntil: '2027-04-01' }) });
    expect(next.data.number).toBe('永兴〔2026〕第004号');
  });
});

describe('certificate letters (证明信)', () => {
  const letter = (key: string, extra: object = {}) => ({
    orgId: ids.matian, memberId: caoDesheng, purpose: 'meeting', destination: '长沙市', fromOn: '2026-11-10', toOn: '2026-11-12', idempotencyKey: key, ...extra,
  });

  it('the township writes a dated letter for a short trip once, however often retried, with no number and no register line', async () => {
    const registerBefore = await db.count('certificates');
    const first = await h.mutate(trpc('issueLetter'), { as: as.secretaryOf('matian'), input: letter('letter-desheng-1') });
    const retry = await h.mutate(trpc('issueLetter'), { as: as.secretaryOf('matian'), input: letter('letter-desheng-1') });
    expect(first.data).toEqual({ letterId: expect.any(String) });
    expect(retry.data).toEqual(first.data);
    expect(await db.count('certificates')).toBe(registerBefore);
    const letters = await h.query(trpc('letters'), { as: as.secretaryOf('matian'), input: { orgId: ids.matian } });
    expect(letters.data).toEqual([{
      id: first.data.letterId, holderName: '曹德胜', branchName: '涌水村党支部', issuerName: '马田镇党委', purpose: 'meeting', destination: '长沙市',
      fromOn: '2026-11-10', toOn: '2026-11-12', issuedOn: '2026-11-21', note: null,
    }]);
  });

  it('an end before the start is BAD_REQUEST naming toOn; a branch is no committee; nothing is written', async () => {
    const before = await db.count('certificate_letters');
    expect((await h.mutate(trpc('issueLetter'), { as: as.secretaryOf('matian'), input: letter('letter-bad-1', { toOn: '2026-11-01' }) })).error)
      .toMatchObject({ code: 'BAD_REQUEST', fields: { toOn: 'ends_before_start' } });
    expect((await h.mutate(trpc('issueLetter'), { as: as.secretaryOf('yongshui'), input: letter('letter-bad-2', { orgId: ids.yongshui }) })).error)
      .toMatchObject({ code: 'BAD_REQUEST', fields: { orgId: 'not_a_committee' } });
    expect((await h.mutate(trpc('issueLetter'), { as: as.secretaryOf('matian'), input: letter('letter-bad-3', { purpose: 'holiday' }) })).error)
      .toMatchObject({ code: 'BAD_REQUEST', fields: { purpose: expect.any(String) } });
    expect(await db.count('certificate_letters')).toBe(before);
  });

  it('another county neither writes nor reads them (NOT_FOUND, none), and a member is FORBIDDEN', async () => {
    expect((await h.mutate(trpc('issueLetter'), { as: as.department('rc'), input: letter('letter-rc-1') })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('letters'), { as: as.department('rc'), input: {} })).data).toEqual([]);
    expect((await h.mutate(trpc('issueLetter'), { as: liMingAccount(), input: letter('letter-self-1') })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('letters'), { as: liMingAccount(), input: {} })).error?.code).toBe('FORBIDDEN');
  });
});
