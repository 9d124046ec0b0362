import type { Database } from '@tongxin/db';
import { sql } from 'drizzle-orm';

interface DemoTask {
  org: string;
  kind: string;
  title: string;
  description: string;
  target: { amount: number; unit: string } | null;
  quota: number | null;
  days: number;
  visibility: 'org' | 'tenant_mobile' | 'flow_org';
  evidence: { photo: 'none' | 'optional' | 'required'; photoReason: string | null; text: boolean; number: boolean };
  points: number;
  study?: { format: 'text' | 'pdf' | 'link'; body: string | null; url: string | null };
}

/** The tasks Yongxing's branches, township and department have out (brief: 一领). */
const YONGXING_TASKS: DemoTask[] = [
  {
    org: '涌水村流动党员党支部', kind: 'sell_products', title: '帮村里销售冰糖橙',
    description: '今年涌水村冰糖橙丰收，请在所在城市联系商超、单位食堂或同事团购，每箱 10 斤，村里统一发货。完成后填写销售箱数。',
    target: { amount: 500, unit: 'boxes' }, quota: 30, days: 30, visibility: 'org',
    evidence: { photo: 'none', photoReason: null, text: true, number: true }, points: 10,
  },
  {
    org: '马田镇党委', kind: 'find_jobs', title: '为脱贫户推荐就业岗位',
    description: '马田镇有 40 户脱贫户家庭劳动力希望外出务工。请留意所在企业或周边的招工信息，推荐成功后填写岗位数并简要说明。',
    target: { amount: 40, unit: 'jobs' }, quota: null, days: 60, visibility: 'org',
    evidence: { photo: 'none', photoReason: null, text: true, number: true }, points: 15,
  },
  {
    org: '中共永兴县委组织部', kind: 'study', title: '学习《中国共产党党员教育管理工作条例》',
    description: '流动党员在外也要坚持学习。阅读条例第三章“教育内容”，学完后确认即可。',
    target: null, quota: null, days: 45, visibility: 'tenant_mobile',
    // Study is recorded, never scored (issue 17): no points.
    evidence: { photo: 'none', photoReason: null, text: false, number: false }, points: 0,
    study: { format: 'text', body: '第三章 教育内容：党员教育要突出政治教育和政治训练，加强党的创新理论武装……（节选）', url: null },
  },
  {
    org: '永兴县驻深圳流动党员党支部', kind: 'volunteer', title: '龙岗区社区志愿服务',
    description: '参加坂田街道“党员先锋岗”志愿服务（周末上午），完成后填写服务小时数。',
    target: { amount: 200, unit: 'hours' }, quota: 20, days: 20, visibility: 'flow_org',
    evidence: { photo: 'optional', photoReason: '社区需要留存活动照片用于年底表彰，不方便拍照可不附。', text: false, number: true }, points: 5,
  },
];

/**
 * Published demo tasks, written as the system role (seeding is not request code), with their
 * first version, as `tasks.publish` would have stored them. Nothing is claimed: the demo
 * journeys start from open places.
 */
export async function seedDemoTasks(database: Database, tenantId: string, now: Date): Promise<number> {
  if (tenantId !== '431023') return 0;
  let stored = 0;
  for (const task of YONGXING_TASKS) {
    const deadline = new Date(now.getTime() + task.days * 86_400_000);
    const key = `seed:${task.title}`;
    const inserted = await database.system.execute(sql`
      insert into tasks.tasks (tenant_id, org_id, org_path, org_name, kind, title, description, target_amount, target_unit, quota,
        deadline, visibility, evidence, study, points, status, published_by, idempotency_key)
      select o.tenant_id, o.org_id, o.path, o.name, ${task.kind}, ${task.title}, ${task.description}, ${task.target?.amount ?? null},
        ${task.target?.unit ?? null}, ${task.quota}, ${deadline.toISOString()}::timestamptz, ${task.visibility}, ${JSON.stringify(task.evidence)}::jsonb,
        ${task.study ? JSON.stringify(task.study) : null}::jsonb, ${task.points}, 'published', 'seed', ${key}
      from tasks.orgs o where o.tenant_id = ${tenantId} and o.name = ${task.org}
      on conflict do nothing
      returning id`);
    const row = inserted.rows[0] as { id: string } | undefined;
    if (!row) continue;
    const terms = {
      kind: task.kind, title: task.title, description: task.description, target: task.target, quota: task.quota,
      deadline: deadline.toISOString(), city: null, evidence: task.evidence, points: task.points, study: task.study ?? null,
    };
    await database.system.execute(sql`
      insert into tasks.task_versions (tenant_id, task_id, version, terms, changed_by) values (${tenantId}, ${row.id}, 1, ${JSON.stringify(terms)}::jsonb, 'seed')`);
    stored++;
  }
  return stored;
}
