import type pg from 'pg';
import { TENANT } from './scenario-report-stack.ts';

// What both claim scenarios need besides the benchmark county (scenario-report-stack.ts).

export const CLAIM_PATH = '/api/tasks/trpc/claims.claim';

/**
 * A published task of the benchmark county that every member sees (visibility `org` on the
 * county's root org, the department, whose id is in every member's path), written as the owner.
 */
export async function publishBenchTask(owner: pg.Client | pg.Pool, title: string, quota: number | null): Promise<string> {
  const root = await owner.query(`select id, name, path from roster.orgs where tenant_id = $1 and kind = 'department'`, [TENANT]);
  const org = root.rows[0] as { id: string; name: string; path: string };
  const task = await owner.query(
    `insert into tasks.tasks (tenant_id, org_id, org_path, org_name, kind, title, description, target_amount, target_unit, quota,
       deadline, visibility, evidence, points, status, published_by, idempotency_key)
     values ($1, $2, $3, $4, 'sell_products', $5, '在所在城市联系商超或同事团购冰糖橙，记录箱数。', 1000, 'boxes', $6,
       now() + interval '30 days', 'org', '{"photo":"none","photoReason":null,"text":false,"number":true}', 10, 'published', 'bench', $7)
     returning id`,
    [TENANT, org.id, org.path, org.name, title, quota, crypto.randomUUID()],
  );
  return task.rows[0].id as string;
}

export const claimInput = (taskId: string, idempotencyKey: string) => ({ taskId, idempotencyKey });
