import type { ServiceHarness } from '@tongxin/trpc/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claim, count, createTasksHarness, crowd, department, key, member, o, oranges, people, publish, secretaryOf, trpc } from '../testing/tasks-fixture.ts';

let h: ServiceHarness;
beforeAll(async () => {
  h = await createTasksHarness();
});
afterAll(() => h.close());

const titles = (list: { title: string }[]) => list.map((t) => t.title).sort();

describe('tasks.publish', () => {
  it('a secretary publishes a task for their branch once, however often the request is retried', async () => {
    const input = oranges({ title: '重试也只发布一次', idempotencyKey: key('retry') });
    const first = await h.mutate(trpc('tasks.publish'), { as: secretaryOf('yongshui'), input });
    const retry = await h.mutate(trpc('tasks.publish'), { as: secretaryOf('yongshui'), input });
    expect(first.data.created).toBe(true);
    expect(retry.data).toEqual({ id: first.data.id, created: false });
    expect(await count(h, 'tasks', sql`title = '重试也只发布一次'`)).toBe(1);
    expect(await count(h, 'task_versions', sql`task_id = ${first.data.id}`)).toBe(1);
  });

  it('the department publishes for any org of the county, also to all mobile members', async () => {
    const result = await h.mutate(trpc('tasks.publish'), { as: department(), input: oranges({ orgId: o.yxDepartment, visibility: 'tenant_mobile', title: '全县流动党员：推介永兴冰糖橙', quota: null }) });
    expect(result.error).toBeNull();
  });

  it('a secretary cannot publish for an org they do not hold; a member cannot publish at all', async () => {
    expect((await h.mutate(trpc('tasks.publish'), { as: secretaryOf('yongshui'), input: oranges({ orgId: o.longtan }) })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('tasks.publish'), { as: member(people.lihua), input: oranges() })).error?.code).toBe('FORBIDDEN');
  });

  it('bad terms are BAD_REQUEST naming the field, and nothing is stored', async () => {
    const before = await count(h, 'tasks');
    const cases: [Record<string, unknown>, string][] = [
      [{ points: 1000 }, 'points'],
      [{ deadline: '2026-10-01T18:00:00+08:00' }, 'deadline'],
      [{ quota: 0 }, 'quota'],
      [{ target: { amount: -5, unit: 'boxes' } }, 'target.amount'],
      [{ evidence: { photo: 'required', photoReason: null, text: false, number: true } }, 'evidence.photoReason'],
      [{ target: null }, 'target'],
      [{ kind: 'study' }, 'study'],
      [{ study: { format: 'link', body: null, url: 'https://example.org/a' } }, 'study'],
      [{ kind: 'study', study: { format: 'pdf', body: null, url: null } }, 'study.url'],
      [{ visibility: 'tenant_mobile' }, 'visibility'],
      [{ visibility: 'flow_org' }, 'visibility'],
    ];
    for (const [extra, field] of cases) {
      const result = await h.mutate(trpc('tasks.publish'), { as: secretaryOf('yongshui'), input: oranges(extra) });
      expect({ field, error: result.error?.code, fields: Object.keys(result.error?.fields ?? {}) }).toEqual({ field, error: 'BAD_REQUEST', fields: [field] });
    }
    expect(await count(h, 'tasks')).toBe(before);
  });

  it('a study task asks for nothing but the confirmation, whatever evidence the form sent', async () => {
    const id = await publish(h, secretaryOf('yongshui'), {
      kind: 'study', title: '学习党章第一章', study: { format: 'text', body: '第一章 党员', url: null }, target: null, points: 0,
      evidence: { photo: 'required', photoReason: '学习笔记', text: true, number: true },
    });
    const task = await h.query(trpc('tasks.get'), { as: member(people.lihua), input: { taskId: id } });
    expect(task.data).toMatchObject({ kind: 'study', study: { format: 'text', body: '第一章 党员' }, evidence: { photo: 'none', photoReason: null, text: false, number: false }, points: 0 });
  });

  it('study is recorded, never scored (issue 17): points on a study task, published or edited in, are BAD_REQUEST points, nothing changed', async () => {
    const before = await count(h, 'tasks');
    const study = { kind: 'study', title: '学习党章第二章', study: { format: 'text', body: '第二章 党员的义务', url: null }, target: null };
    const refused = await h.mutate(trpc('tasks.publish'), { as: secretaryOf('yongshui'), input: oranges({ ...study, points: 3 }) });
    expect(refused.error).toMatchObject({ code: 'BAD_REQUEST', fields: { points: 'study_earns_no_points' } });
    expect(await count(h, 'tasks')).toBe(before);
    // Any other task earns at least one point.
    expect((await h.mutate(trpc('tasks.publish'), { as: secretaryOf('yongshui'), input: oranges({ points: 0 }) })).error).toMatchObject({ code: 'BAD_REQUEST', fields: { points: expect.any(String) } });
    const id = await publish(h, secretaryOf('yongshui'), { ...study, points: 0 });
    const edit = await h.mutate(trpc('tasks.update'), { as: secretaryOf('yongshui'), input: { taskId: id, expectedVersion: 1, points: 5, idempotencyKey: key('study-points') } });
    expect(edit.error).toMatchObject({ code: 'BAD_REQUEST', fields: { points: 'study_earns_no_points' } });
    expect((await h.query(trpc('tasks.get'), { as: member(people.lihua), input: { taskId: id } })).data).toMatchObject({ points: 0, version: 1 });
  });
});

describe('tasks.forMe and tasks.get: who a task reaches', () => {
  let branchTask: string;
  let townshipTask: string;
  let mobileTask: string;
  let flowTask: string;
  let draftTask: string;
  beforeAll(async () => {
    branchTask = await publish(h, secretaryOf('longtan'), { orgId: o.longtan, title: '龙潭村：帮贫困户找工作', kind: 'find_jobs', target: { amount: 5, unit: 'jobs' }, city: '深圳' });
    townshipTask = await publish(h, secretaryOf('huangcao'), { orgId: o.huangcao, title: '黄草镇：为学校捐款', kind: 'donation', target: { amount: 2000, unit: 'yuan' } });
    mobileTask = await publish(h, department(), { orgId: o.yxDepartment, visibility: 'tenant_mobile', title: '全县流动党员：在广州推介特产', kind: 'promotion', city: '广州' });
    flowTask = await publish(h, secretaryOf('gzFlow'), { orgId: o.gzFlow, visibility: 'flow_org', title: '广州流动党员：志愿服务', kind: 'volunteer', city: '广州' });
    draftTask = await publish(h, secretaryOf('longtan'), { orgId: o.longtan, title: '龙潭村：草稿', draft: true });
  });

  it('a member sees the tasks of the orgs above them, the mobile members’ tasks when mobile, and a flow branch’s tasks when checked in there', async () => {
    const huang = await h.query(trpc('tasks.forMe'), { as: member(people.huang) });
    expect(titles(huang.data)).toEqual(expect.arrayContaining(['龙潭村：帮贫困户找工作', '黄草镇：为学校捐款', '全县流动党员：在广州推介特产']));
    expect(titles(huang.data)).not.toContain('广州流动党员：志愿服务');
    expect(titles(huang.data)).not.toContain('龙潭村：草稿');
    const liming = await h.query(trpc('tasks.forMe'), { as: member(people.liming) });
    expect(titles(liming.data)).toEqual(expect.arrayContaining(['全县流动党员：在广州推介特产', '广州流动党员：志愿服务']));
    expect(titles(liming.data)).not.toContain('龙潭村：帮贫困户找工作');
    // 李华 is at home: not a mobile member, not under 黄草镇.
    const lihua = await h.query(trpc('tasks.forMe'), { as: member(people.lihua) });
    expect(titles(lihua.data)).not.toEqual(expect.arrayContaining(['全县流动党员：在广州推介特产']));
    expect(titles(lihua.data)).not.toContain('黄草镇：为学校捐款');
  });

  it('a member of another county checked in with the flow branch sees its tasks, and only those', async () => {
    const chen = await h.query(trpc('tasks.forMe'), { as: member(people.chen) });
    expect(chen.data.map((t: { tenantId: string; title: string }) => [t.tenantId, t.title])).toEqual([['yx', '广州流动党员：志愿服务']]);
    expect(chen.data[0]).toMatchObject({ orgName: '永兴县驻广州流动党员党支部', quota: 2, claimed: 0, full: false, myClaim: null, points: 10 });
    expect((await h.query(trpc('tasks.get'), { as: member(people.chen), input: { taskId: flowTask } })).data.id).toBe(flowTask);
  });

  it('a member of another county without a check-in gets NOT_FOUND, and sees nothing', async () => {
    expect((await h.query(trpc('tasks.forMe'), { as: member(people.zhou) })).data).toEqual([]);
    for (const taskId of [flowTask, branchTask]) {
      expect((await h.query(trpc('tasks.get'), { as: member(people.zhou), input: { taskId } })).error?.code).toBe('NOT_FOUND');
    }
    expect((await h.query(trpc('tasks.get'), { as: member(people.chen), input: { taskId: branchTask } })).error?.code).toBe('NOT_FOUND');
  });

  it('filters by kind and by my destination city (tasks set nowhere in particular fit anywhere)', async () => {
    const jobs = await h.query(trpc('tasks.forMe'), { as: member(people.huang), input: { kind: 'find_jobs' } });
    expect(titles(jobs.data)).toEqual(['龙潭村：帮贫困户找工作']);
    const inShenzhen = await h.query(trpc('tasks.forMe'), { as: member(people.huang), input: { myCity: true } });
    expect(titles(inShenzhen.data)).toContain('龙潭村：帮贫困户找工作');
    expect(titles(inShenzhen.data)).toContain('黄草镇：为学校捐款');
    expect(titles(inShenzhen.data)).not.toContain('全县流动党员：在广州推介特产');
  });

  it('a draft is the publisher’s until it is published; staff out of scope get NOT_FOUND', async () => {
    expect((await h.query(trpc('tasks.get'), { as: member(people.huang), input: { taskId: draftTask } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('tasks.get'), { as: secretaryOf('longtan'), input: { taskId: draftTask } })).data.status).toBe('draft');
    expect((await h.query(trpc('tasks.get'), { as: secretaryOf('huangcao'), input: { taskId: draftTask } })).data.status).toBe('draft');
    expect((await h.query(trpc('tasks.get'), { as: secretaryOf('matian'), input: { taskId: draftTask } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('tasks.get'), { as: department('rc'), input: { taskId: draftTask } })).error?.code).toBe('NOT_FOUND');

    expect((await h.mutate(trpc('tasks.publishDraft'), { as: secretaryOf('matian'), input: { taskId: draftTask } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('tasks.publishDraft'), { as: member(people.huang), input: { taskId: draftTask } })).error?.code).toBe('FORBIDDEN');
    const published = await h.mutate(trpc('tasks.publishDraft'), { as: secretaryOf('longtan'), input: { taskId: draftTask } });
    expect(published.data).toEqual({ id: draftTask, status: 'published' });
    expect(titles((await h.query(trpc('tasks.forMe'), { as: member(people.huang) })).data)).toContain('龙潭村：草稿');
  });

  it('tasks.forMe is for members, tasks.get for members and staff: other roles are refused', async () => {
    expect((await h.query(trpc('tasks.forMe'), { as: secretaryOf('longtan') })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('tasks.get'), { input: { taskId: branchTask } })).error?.code).toBe('UNAUTHORIZED');
    expect((await h.query(trpc('tasks.get'), { as: { tenantId: 'yx', userId: 'admin', roles: [{ role: 'operator' }] }, input: { taskId: branchTask } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('tasks.get'), { as: department(), input: { taskId: branchTask } })).data.id).toBe(branchTask);
  });

  it('a secretary who is also a member sees as a member in forMe, but manages only their subtree', async () => {
    const both = secretaryOf('longtan', [{ role: 'member', orgId: o.longtan }]);
    // Not a member in the copy (sec-longtan has no member row): nothing for them as a member.
    expect((await h.query(trpc('tasks.forMe'), { as: both })).data).toEqual([]);
    const managed = await h.query(trpc('tasks.manage'), { as: both });
    expect(titles(managed.data)).toEqual(['龙潭村：帮贫困户找工作', '龙潭村：草稿']);
    expect(managed.data.map((t: { id: string }) => t.id)).not.toContain(townshipTask);
    expect(managed.data.map((t: { id: string }) => t.id)).not.toContain(mobileTask);
  });
});

describe('tasks.update: editing never changes what existing claims promised', () => {
  let taskId: string;
  beforeAll(async () => {
    taskId = await publish(h, secretaryOf('yongshui'), { title: '卖橙子：会改的任务', quota: 3 });
    expect((await claim(h, people.lihua, taskId)).error).toBeNull();
    expect((await claim(h, crowd[0]!, taskId)).error).toBeNull();
  });

  it('a new version is kept; claims keep their promised points and deadline and show the task changed', async () => {
    const result = await h.mutate(trpc('tasks.update'), {
      as: secretaryOf('yongshui'),
      input: { taskId, expectedVersion: 1, points: 20, deadline: '2026-12-15T18:00:00+08:00', title: '卖橙子：已修改', idempotencyKey: key('edit') },
    });
    expect(result.data).toEqual({ id: taskId, version: 2 });
    expect(await count(h, 'task_versions', sql`task_id = ${taskId}`)).toBe(2);
    const mine = await h.query(trpc('claims.mine'), { as: member(people.lihua) });
    const claimOfTask = mine.data.find((c: { taskId: string }) => c.taskId === taskId);
    expect(claimOfTask).toMatchObject({ points: 10, deadline: '2026-11-30T10:00:00.000Z', title: '卖橙子：会改的任务', taskChanged: true });
    const task = await h.query(trpc('tasks.get'), { as: member(people.lihua), input: { taskId } });
    expect(task.data).toMatchObject({ points: 20, version: 2, title: '卖橙子：已修改', myClaim: { status: 'active' } });
  });

  it('a retried edit is not a second version; an edit from an old version is CONFLICT', async () => {
    const input = { taskId, expectedVersion: 2, description: '改了描述', idempotencyKey: key('edit') };
    const first = await h.mutate(trpc('tasks.update'), { as: secretaryOf('yongshui'), input });
    const retry = await h.mutate(trpc('tasks.update'), { as: secretaryOf('yongshui'), input });
    expect(first.data).toEqual({ id: taskId, version: 3 });
    expect(retry.data).toEqual({ id: taskId, version: 3 });
    const stale = await h.mutate(trpc('tasks.update'), { as: secretaryOf('yongshui'), input: { taskId, expectedVersion: 2, points: 5, idempotencyKey: key('edit') } });
    expect(stale.error?.code).toBe('CONFLICT');
  });

  it('the quota may not drop below the claims already made: BAD_REQUEST quota, nothing changed', async () => {
    const result = await h.mutate(trpc('tasks.update'), { as: secretaryOf('yongshui'), input: { taskId, expectedVersion: 3, quota: 1, idempotencyKey: key('edit') } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { quota: expect.any(String) } });
    expect(await count(h, 'tasks', sql`id = ${taskId} and quota = 3 and version = 3`)).toBe(1);
    expect(await count(h, 'task_versions', sql`task_id = ${taskId}`)).toBe(3);
  });

  it('a number asked for needs a target and its unit: dropping the target is BAD_REQUEST target, nothing changed', async () => {
    const result = await h.mutate(trpc('tasks.update'), { as: secretaryOf('yongshui'), input: { taskId, expectedVersion: 3, target: null, idempotencyKey: key('edit') } });
    expect(result.error).toMatchObject({ code: 'BAD_REQUEST', fields: { target: 'target_required' } });
    expect(await count(h, 'tasks', sql`id = ${taskId} and target_unit = 'boxes' and version = 3`)).toBe(1);
  });

  it('only the publisher’s staff may edit: another branch gets NOT_FOUND, a member FORBIDDEN', async () => {
    expect((await h.mutate(trpc('tasks.update'), { as: secretaryOf('longtan'), input: { taskId, expectedVersion: 3, points: 5, idempotencyKey: key('edit') } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('tasks.update'), { as: member(people.lihua), input: { taskId, expectedVersion: 3, points: 5, idempotencyKey: key('edit') } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('tasks.update'), { as: department(), input: { taskId, expectedVersion: 3, quota: 4, idempotencyKey: key('edit') } })).data).toEqual({ id: taskId, version: 4 });
  });
});

describe('tasks.close, tasks.manage and tasks.progress', () => {
  let taskId: string;
  beforeAll(async () => {
    taskId = await publish(h, secretaryOf('yongshui'), { title: '卖橙子：进度', quota: null });
    await claim(h, people.lihua, taskId);
  });

  it('the publisher sees each task with its claims and progress against the target', async () => {
    const managed = await h.query(trpc('tasks.manage'), { as: secretaryOf('yongshui'), input: { status: 'published' } });
    const row = managed.data.find((t: { id: string }) => t.id === taskId);
    expect(row).toMatchObject({ title: '卖橙子：进度', orgName: '涌水村党支部', claimed: 1, progress: { claims: 1, submitted: 0, approved: 0, achieved: 0, target: 100 } });
    const progress = await h.query(trpc('tasks.progress'), { as: secretaryOf('matian'), input: { taskId } });
    expect(progress.data.task.id).toBe(taskId);
    expect(progress.data.claims).toEqual([expect.objectContaining({ memberName: '李华', memberTenantId: 'yx', status: 'active', completion: null })]);
  });

  it('tasks.manage and tasks.progress are for staff in scope', async () => {
    expect((await h.query(trpc('tasks.manage'), { as: member(people.lihua) })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('tasks.progress'), { as: member(people.lihua), input: { taskId } })).error?.code).toBe('FORBIDDEN');
    expect((await h.query(trpc('tasks.progress'), { as: secretaryOf('longtan'), input: { taskId } })).error?.code).toBe('NOT_FOUND');
    expect((await h.query(trpc('tasks.manage'), { as: department('rc') })).data).toEqual([]);
    expect((await h.query(trpc('tasks.manage'), { as: department() })).data.length).toBeGreaterThan(5);
  });

  it('closing stops new claims but keeps the claims made; a member may not close', async () => {
    expect((await h.mutate(trpc('tasks.close'), { as: member(people.lihua), input: { taskId } })).error?.code).toBe('FORBIDDEN');
    expect((await h.mutate(trpc('tasks.close'), { as: secretaryOf('longtan'), input: { taskId } })).error?.code).toBe('NOT_FOUND');
    expect((await h.mutate(trpc('tasks.close'), { as: secretaryOf('yongshui'), input: { taskId } })).data).toEqual({ id: taskId, status: 'closed' });
    expect((await h.mutate(trpc('tasks.close'), { as: secretaryOf('yongshui'), input: { taskId } })).data).toEqual({ id: taskId, status: 'closed' });
    const mine = await h.query(trpc('tasks.forMe'), { as: member(people.lihua) });
    expect(mine.data.find((t: { id: string }) => t.id === taskId)).toMatchObject({ status: 'closed', myClaim: { status: 'active' } });
    expect((await h.mutate(trpc('tasks.update'), { as: secretaryOf('yongshui'), input: { taskId, expectedVersion: 1, points: 5, idempotencyKey: key('edit') } })).error?.fields).toEqual({ taskId: 'task_closed' });
  });
});
