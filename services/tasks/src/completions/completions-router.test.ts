import { rm } from 'node:fs/promises';
import type { RoleGrant } from '@tongxin/auth';
import { DECIDES_ABOUT_ONESELF, LEVEL_ABOVE_DECIDES } from '@tongxin/trpc';
import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, count, createTasksHarness, crowd, department, events, key, member, o, paths, people, publish, secretaryOf, trpc, uploadPhoto, useTemporaryBlobs, type FixtureMember } from '../testing/tasks-fixture.ts';
import { applyCopyEventToTasks } from '../copies/apply-copy-event.ts';
import { members } from '../schema.ts';

let h: ServiceHarness;
let blobDir: string;
beforeAll(async () => {
  h = await createTasksHarness();
  blobDir = await useTemporaryBlobs(h);
});
afterAll(async () => {
  await h.close();
  await rm(blobDir, { recursive: true, force: true });
});

const submit = (who: FixtureMember, input: Record<string, unknown>) =>
  h.mutate(trpc('completions.submit'), { as: member(who), input: { note: null, amount: null, photoIds: [], response: null, idempotencyKey: key('submit'), ...input } });

async function claimOf(who: FixtureMember, extra: Record<string, unknown> = {}, publisher: Parameters<typeof publish>[1] = secretaryOf('yongshui')) {
  const taskId = await publish(h, publisher, { quota: null, ...extra });
  const result = await claim(h, who, taskId);
  expect(result.error).toBeNull();
  return { taskId, claimId: result.data.claimId as string };
}

describe('completions.submit', () => {
  it('a member completes their claim with a photo and the number of boxes; the claim is submitted', async () => {
    const { taskId, claimId } = await claimOf(people.lihua, { title: '卖橙子：完成' });
    const photoId = await uploadPhoto(h, people.lihua);
    const idempotencyKey = key('submit');
    const result = await submit(people.lihua, { claimId, amount: 12, note: '同事团购', photoIds: [photoId], idempotencyKey });
    expect(result.data).toEqual({ completionId: expect.any(String), version: 1, status: 'submitted' });
    const retry = await submit(people.lihua, { claimId, amount: 12, note: '同事团购', photoIds: [photoId], idempotencyKey });
    expect(retry.data).toEqual(result.data);
    expect(await count(h, 'completions', sql`claim_id = ${claimId}`)).toBe(1);
    const mine = (await h.query(trpc('claims.mine'), { as: member(people.lihua) })).data.find((c: { claimId: string }) => c.claimId === claimId);
    expect(mine).toMatchObject({ taskId, status: 'submitted', completion: { version: 1, amount: 12, note: '同事团购', photos: [`/api/tasks/evidence/${photoId}`], decision: null } });
  });

  it('evidence the claim promised to ask for is required; bad evidence is BAD_REQUEST naming the field, and nothing changes', async () => {
    const photoTask = await claimOf(people.lihua, { title: '卖橙子：必须拍照', evidence: { photo: 'required', photoReason: '发货单照片', text: true, number: true } });
    const noPhotoTask = await claimOf(people.lihua, { title: '卖橙子：不要照片', evidence: { photo: 'none', photoReason: null, text: false, number: true } });
    const photo = await uploadPhoto(h, people.lihua);
    const someoneElses = await uploadPhoto(h, crowd[3]!);
    const cases: [{ claimId: string }, Record<string, unknown>, string][] = [
      [photoTask, { amount: 3, note: '卖了3箱' }, 'photos'],
      [photoTask, { amount: -1, note: '卖了', photoIds: [photo] }, 'amount'],
      [photoTask, { amount: null, note: '卖了', photoIds: [photo] }, 'amount'],
      [photoTask, { amount: 3, note: null, photoIds: [photo] }, 'note'],
      [photoTask, { amount: 3, note: '卖了', photoIds: [someoneElses] }, 'photos'],
      [photoTask, { amount: 3, note: '卖了', photoIds: [crypto.randomUUID()] }, 'photos'],
      [photoTask, { amount: 3, note: '卖了', photoIds: Array.from({ length: 7 }, () => photo) }, 'photoIds'],
      [noPhotoTask, { amount: 3, photoIds: [photo] }, 'photos'],
    ];
    for (const [{ claimId }, input, field] of cases) {
      const result = await submit(people.lihua, { claimId, ...input });
      expect({ field, code: result.error?.code, fields: Object.keys(result.error?.fields ?? {}) }).toEqual({ field, code: 'BAD_REQUEST', fields: [field] });
    }
    expect(await count(h, 'completions', sql`claim_id in (${photoTask.claimId}, ${noPhotoTask.claimId})`)).toBe(0);
    expect(await count(h, 'claims', sql`id in (${photoTask.claimId}, ${noPhotoTask.claimId}) and status = 'active'`)).toBe(2);
    expect(await count(h, 'evidence_photos', sql`claim_id is not null and id in (${photo}, ${someoneElses})`)).toBe(0);
  });

  it('a photo attached to one claim cannot be reused for another', async () => {
    const first = await claimOf(people.lihua, { title: '卖橙子：照片一' });
    const second = await claimOf(people.lihua, { title: '卖橙子：照片二' });
    const photo = await uploadPhoto(h, people.lihua);
    expect((await submit(people.lihua, { claimId: first.claimId, amount: 1, photoIds: [photo] })).error).toBeNull();
    expect((await submit(people.lihua, { claimId: second.claimId, amount: 1, photoIds: [photo] })).error?.fields).toEqual({ photos: expect.any(String) });
  });

  it('only the member’s own claim: another member gets NOT_FOUND, a secretary FORBIDDEN; a submitted claim is not submitted twice', async () => {
    const { claimId } = await claimOf(people.lihua, { title: '卖橙子：只能本人' });
    expect((await submit(crowd[4]!, { claimId, amount: 1 })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('completions.submit'), { as: secretaryOf('yongshui'), input: { claimId, amount: 1, idempotencyKey: key('s') } })).error?.code).toBe('FORBIDDEN');
    expect((await submit(people.lihua, { claimId, amount: 1 })).error).toBeNull();
    expect((await submit(people.lihua, { claimId, amount: 2 })).error?.fields).toEqual({ claimId: 'claim_not_active' });
    expect((await h.mutate(trpc('claims.withdraw'), { as: member(people.lihua), input: { claimId } })).error?.fields).toEqual({ claimId: 'claim_not_active' });
  });

  it('a study task is completed by the member’s confirmation, approved at once, with one completion_approved', async () => {
    const { taskId, claimId } = await claimOf(people.lihua, {
      kind: 'study', title: '学习：乡村振兴政策', target: null, points: 0, study: { format: 'link', body: null, url: 'https://www.gov.cn/zhengce/' },
    });
    const result = await submit(people.lihua, { claimId });
    expect(result.data).toMatchObject({ version: 1, status: 'approved' });
    expect(await count(h, 'claims', sql`id = ${claimId} and status = 'approved'`)).toBe(1);
    const approved = (await events(h, 'tasks.completion_approved')).filter((e) => e.payload.claimId === claimId);
    expect(approved).toEqual([{
      tenant_id: 'yx',
      payload: {
        claimId, completionId: result.data.completionId, taskId, taskTitle: '学习：乡村振兴政策', taskKind: 'study', taskOrgId: o.yongshui, points: 0, amount: null, unit: null,
        memberTenantId: 'yx', memberId: people.lihua.memberId, userId: people.lihua.userId, approvedAt: '2026-11-02T01:00:00.000Z',
      },
    }]);
    expect((await h.query(trpc('completions.pending'), { as: secretaryOf('yongshui') })).data.map((c: { claimId: string }) => c.claimId)).not.toContain(claimId);
  });
});

describe('completions.review', () => {
  let taskId: string;
  let claimId: string;
  let completionId: string;
  let photoId: string;
  beforeAll(async () => {
    ({ taskId, claimId } = await claimOf(crowd[6]!, { title: '卖橙子：审核', points: 8 }));
    photoId = await uploadPhoto(h, crowd[6]!);
    completionId = (await submit(crowd[6]!, { claimId, amount: 20, photoIds: [photoId] })).data.completionId;
  });

  it('the publisher’s secretary sees it waiting, with its photos; others do not', async () => {
    const pending = await h.query(trpc('completions.pending'), { as: secretaryOf('yongshui') });
    expect(pending.data.find((c: { completionId: string }) => c.completionId === completionId)).toMatchObject({
      claimId, taskId, taskTitle: '卖橙子：审核', memberName: '群众党员7', amount: 20, photos: [`/api/tasks/evidence/${photoId}`], target: { amount: 100, unit: 'boxes' }, points: 8,
    });
    expect((await h.query(trpc('completions.pending'), { as: secretaryOf('longtan') })).data).toEqual([]);
    expect((await h.query(trpc('completions.pending'), { as: department('rc') })).data).toEqual([]);
    expect((await h.query(trpc('completions.pending'), { as: member(crowd[6]!) })).error?.code).toBe('FORBIDDEN');
  });

  it('a secretary of another organization cannot approve: NOT_FOUND, nothing changed; a member is FORBIDDEN', async () => {
    const input = { completionId, decision: 'approve', reason: null };
    expect((await h.mutate(trpc('completions.review'), { as: secretaryOf('longtan'), input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('completions.review'), { as: department('rc'), input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('completions.review'), { as: department('rc'), input: input })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('completions.review'), { as: member(crowd[6]!), input })).error?.code).toBe('FORBIDDEN');
    expect(await count(h, 'completions', sql`id = ${completionId} and decision is null`)).toBe(1);
    expect(await count(h, 'claims', sql`id = ${claimId} and status = 'submitted'`)).toBe(1);
    expect((await events(h, 'tasks.completion_rejected')).filter((e) => e.payload.claimId === claimId)).toEqual([]);
  });

  it('a rejection needs a reason; the member sees it and answers by resubmitting, as a new version', async () => {
    const noReason = await h.mutate(trpc('completions.review'), { as: secretaryOf('matian'), input: { completionId, decision: 'reject', reason: null } });
    expect(noReason.error).toMatchObject({ code: 'BAD_REQUEST', fields: { reason: expect.any(String) } });
    const rejected = await h.mutate(trpc('completions.review'), { as: secretaryOf('matian'), input: { completionId, decision: 'reject', reason: '照片看不清箱数' } });
    expect(rejected.data).toEqual({ status: 'rejected' });
    // The member hears of it: one completion_rejected, in the task's county, with the reason.
    expect((await events(h, 'tasks.completion_rejected')).filter((e) => e.payload.claimId === claimId)).toEqual([{
      tenant_id: 'yx',
      payload: {
        claimId, completionId, taskId, taskTitle: '卖橙子：审核', reason: '照片看不清箱数',
        memberTenantId: 'yx', memberId: crowd[6]!.memberId, userId: crowd[6]!.userId, rejectedAt: '2026-11-02T01:00:00.000Z',
      },
    }]);
    const mine = (await h.query(trpc('claims.mine'), { as: member(crowd[6]!) })).data.find((c: { claimId: string }) => c.claimId === claimId);
    expect(mine).toMatchObject({ status: 'rejected', completion: { version: 1, decision: 'rejected', reason: '照片看不清箱数' } });

    const photo2 = await uploadPhoto(h, crowd[6]!);
    const resubmitted = await submit(crowd[6]!, { claimId, amount: 20, photoIds: [photo2], response: '重新拍了发货单' });
    expect(resubmitted.data).toMatchObject({ version: 2, status: 'submitted' });
    completionId = resubmitted.data.completionId;
    const progress = await h.query(trpc('tasks.progress'), { as: secretaryOf('yongshui'), input: { taskId } });
    expect(progress.data.claims).toEqual([expect.objectContaining({ claimId, status: 'submitted', completion: expect.objectContaining({ version: 2, response: '重新拍了发货单', decision: null }) })]);
    // The reviewer reads the answer beside the reason it answers.
    const pending = (await h.query(trpc('completions.pending'), { as: secretaryOf('yongshui') })).data.find((c: { claimId: string }) => c.claimId === claimId);
    expect(pending).toMatchObject({ version: 2, response: '重新拍了发货单', previousReason: '照片看不清箱数' });
  });

  it('approval records completion_approved once, with the points promised at the claim', async () => {
    await h.mutate(trpc('tasks.update'), { as: secretaryOf('yongshui'), input: { taskId, expectedVersion: 1, points: 50, idempotencyKey: key('edit') } });
    const input = { completionId, decision: 'approve', reason: null };
    expect((await h.mutate(trpc('completions.review'), { as: secretaryOf('yongshui'), input })).data).toEqual({ status: 'approved' });
    expect((await h.mutate(trpc('completions.review'), { as: secretaryOf('yongshui'), input })).data).toEqual({ status: 'approved' });
    expect((await h.mutate(trpc('completions.review'), { as: secretaryOf('yongshui'), input: { ...input, decision: 'reject', reason: '改主意' } })).error?.code).toBe('CONFLICT');
    const approved = (await events(h, 'tasks.completion_approved')).filter((e) => e.payload.claimId === claimId);
    expect(approved).toEqual([{
      tenant_id: 'yx',
      payload: {
        claimId, completionId, taskId, taskTitle: '卖橙子：审核', taskKind: 'sell_products', taskOrgId: o.yongshui, points: 8, amount: 20, unit: 'boxes',
        memberTenantId: 'yx', memberId: crowd[6]!.memberId, userId: crowd[6]!.userId, approvedAt: '2026-11-02T01:00:00.000Z',
      },
    }]);
    const managed = (await h.query(trpc('tasks.manage'), { as: secretaryOf('yongshui') })).data.find((t: { id: string }) => t.id === taskId);
    expect(managed.progress).toEqual({ claims: 1, submitted: 0, approved: 1, achieved: 20, target: 100 });
    // Approved is final: nothing more to submit.
    expect((await submit(crowd[6]!, { claimId, amount: 30 })).error?.fields).toEqual({ claimId: 'claim_not_active' });
  });
});

describe('a completion by a member of another county', () => {
  it('is reviewed by the flow branch, and the approval names the member’s county', async () => {
    const { taskId, claimId } = await claimOf(people.chen, { orgId: o.gzFlow, visibility: 'flow_org', title: '广州：推介特产', kind: 'promotion', target: { amount: 50, unit: 'orders' } }, secretaryOf('gzFlow'));
    const photoId = await uploadPhoto(h, people.chen);
    const submitted = await submit(people.chen, { claimId, amount: 7, photoIds: [photoId] });
    expect(submitted.error).toBeNull();
    const pending = await h.query(trpc('completions.pending'), { as: secretaryOf('gzFlow') });
    expect(pending.data).toEqual([expect.objectContaining({ claimId, memberName: '陈志强', memberTenantId: 'rc', amount: 7 })]);
    const reviewed = await h.mutate(trpc('completions.review'), { as: secretaryOf('gzFlow'), input: { completionId: submitted.data.completionId, decision: 'approve', reason: null } });
    expect(reviewed.data).toEqual({ status: 'approved' });
    const [event] = (await events(h, 'tasks.completion_approved')).filter((e) => e.payload.claimId === claimId);
    expect(event).toMatchObject({ tenant_id: 'yx', payload: { taskId, memberTenantId: 'rc', memberId: people.chen.memberId, amount: 7, unit: 'orders' } });
  });

  it('the member’s home secretary reads the claim but may not decide it: FORBIDDEN; others NOT_FOUND; nothing changed', async () => {
    const { claimId } = await claimOf(people.liming, { orgId: o.gzFlow, visibility: 'flow_org', title: '广州：家乡书记' }, secretaryOf('gzFlow'));
    const completionId = (await submit(people.liming, { claimId, amount: 1 })).data.completionId;
    const input = { completionId, decision: 'approve', reason: null };
    expect((await h.mutate(trpc('completions.review'), { as: secretaryOf('yongshuiMobile'), input })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('completions.review'), { as: secretaryOf('longtan'), input })).error?.code).toBe('NOT_FOUND');
    expect(await count(h, 'completions', sql`id = ${completionId} and decision is null`)).toBe(1);
    expect(await count(h, 'claims', sql`id = ${claimId} and status = 'submitted'`)).toBe(1);
  });
});

describe('a secretary who is also a member of the branch', () => {
  // 涌水村's secretary is himself a party member of the branch: one user, both roles.
  const me: FixtureMember = { key: 'secmember', memberId: crypto.randomUUID(), userId: 'u-secmember', tenantId: 'yx', org: 'yongshui', name: '支书兼党员', status: 'resident', city: null };
  const asBoth = { tenantId: 'yx', userId: me.userId, roles: [{ role: 'secretary', orgId: o.yongshui }, { role: 'member', orgId: o.yongshui }] as RoleGrant[] };
  let claimId: string;
  let completionId: string;
  beforeAll(async () => {
    await h.database.owner.insert(members).values({ tenantId: 'yx', memberId: me.memberId, userId: me.userId, name: me.name, branchId: o.yongshui, orgPath: paths.yongshui, status: 'resident', destinationCity: null });
    const taskId = await publish(h, asBoth, { title: '卖橙子：书记自己认领', quota: null, evidence: { photo: 'none', photoReason: null, text: false, number: true } });
    const claimed = await h.mutate(trpc('claims.claim'), { as: asBoth, input: { taskId, idempotencyKey: key('claim') } });
    claimId = claimed.data.claimId;
    const submitted = await h.mutate(trpc('completions.submit'), { as: asBoth, input: { claimId, amount: 5, idempotencyKey: key('submit') } });
    completionId = submitted.data.completionId;
  });

  it('does not see his own completion waiting, and cannot approve or reject it: FORBIDDEN, nothing changed', async () => {
    expect((await h.query(trpc('completions.pending'), { as: asBoth })).data.map((c: { claimId: string }) => c.claimId)).not.toContain(claimId);
    // Another secretary of the same branch still sees it.
    expect((await h.query(trpc('completions.pending'), { as: secretaryOf('yongshui') })).data.map((c: { claimId: string }) => c.claimId)).toContain(claimId);
    for (const [decision, reason] of [['approve', null], ['reject', '自己驳回']] as const) {
      const result = await h.mutate(trpc('completions.review'), { as: asBoth, input: { completionId, decision, reason } });
      expect(result.error).toMatchObject({ code: 'FORBIDDEN', message: DECIDES_ABOUT_ONESELF });
    }
    expect(await count(h, 'completions', sql`id = ${completionId} and decision is null`)).toBe(1);
    expect(await count(h, 'claims', sql`id = ${claimId} and status = 'submitted'`)).toBe(1);
    for (const topic of ['tasks.completion_approved', 'tasks.completion_rejected']) {
      expect((await events(h, topic)).filter((e) => e.payload.claimId === claimId)).toEqual([]);
    }
  });

  it('nor may another holder of a seat at his branch (a deputy he appointed) review it: FORBIDDEN, nothing changed (issue 13 C)', async () => {
    // Identity announced his seat at 涌水村; sec-yongshui holds a seat at the same branch.
    const seats = { id: crypto.randomUUID(), tenantId: 'yx', topic: 'identity.seats_changed', payload: { userId: me.userId, orgIds: [o.yongshui] }, createdAt: new Date() };
    expect(await applyCopyEventToTasks(h.database, seats)).toBe('applied');
    const result = await h.mutate(trpc('completions.review'), { as: secretaryOf('yongshui'), input: { completionId, decision: 'approve', reason: null } });
    expect(result.error).toMatchObject({ code: 'FORBIDDEN', message: LEVEL_ABOVE_DECIDES });
    expect(await count(h, 'completions', sql`id = ${completionId} and decision is null`)).toBe(1);
  });

  it('the level above, the township secretary, sees it and approves it', async () => {
    expect((await h.query(trpc('completions.pending'), { as: secretaryOf('matian') })).data.map((c: { claimId: string }) => c.claimId)).toContain(claimId);
    const reviewed = await h.mutate(trpc('completions.review'), { as: secretaryOf('matian'), input: { completionId, decision: 'approve', reason: null } });
    expect(reviewed.data).toEqual({ status: 'approved' });
    const [event] = (await events(h, 'tasks.completion_approved')).filter((e) => e.payload.claimId === claimId);
    expect(event).toMatchObject({ tenant_id: 'yx', payload: { claimId, completionId, taskTitle: '卖橙子：书记自己认领', memberId: me.memberId, userId: me.userId, amount: 5 } });
  });
});
