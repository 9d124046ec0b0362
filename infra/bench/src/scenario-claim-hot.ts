import pg from 'pg';
import { claimInput, CLAIM_PATH, publishBenchTask } from './claim-stack.ts';
import { createHttpPoster, createTokens, prepareCounty, startWithKeys, TENANT, type BenchMember } from './scenario-report-stack.ts';

const CLAIMANTS = 500;
const QUOTA = 100;
const CONCURRENCY = 50;
/** Every fifth member's claim is sent again with the same key soon after (a phone retrying). */
const RETRY_EVERY = 5;
const RETRY_LAG = 10;

/**
 * `claim-hot`: the minutes after a task is published (brief: traffic is bursty). 500 members
 * claim one task with quota 100 at concurrency 50, a fifth of them twice with the same key.
 * Counted from the database afterwards: places never above the quota, one claim per member,
 * one event per claim, and every retry answered with its original's claim.
 */
export async function runClaimHot(options: { adminUrl: string; driver: 'pg' | 'neon'; durationMs: number; port: number; log: (line: string) => void }): Promise<{ line: string }> {
  const { databaseUrl, members } = await prepareCounty(options.adminUrl, 'tongxin_bench_claim_hot', options.log);
  const server = await startWithKeys(databaseUrl, options.driver, options.port);
  const client = createHttpPoster(server.base, CONCURRENCY);
  const tokens = createTokens(server.keys);
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    const taskId = await publishBenchTask(owner, '帮村里销售冰糖橙（限 100 人）', QUOTA);
    const claimants = members.slice(0, CLAIMANTS);
    await tokens.warm(claimants);
    const queue: { member: BenchMember; key: string }[] = [];
    const pending: { at: number; item: (typeof queue)[number] }[] = [];
    claimants.forEach((member, i) => {
      const item = { member, key: crypto.randomUUID() };
      queue.push(item);
      if (i % RETRY_EVERY === 0) pending.push({ at: i + RETRY_LAG, item });
      while (pending[0] && pending[0].at <= i) queue.push(pending.shift()!.item);
    });
    for (const p of pending) queue.push(p.item);

    const answers = new Map<string, string>();
    let full = 0;
    let errors = 0;
    let mismatched = 0;
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      for (let item = queue[next++]; item; item = queue[next++]) {
        const response = await client.post(CLAIM_PATH, claimInput(taskId, item.key), await tokens.cookieFor(item.member));
        const body = JSON.parse(response.body);
        // "Full" is an answer, not an error: BAD_REQUEST naming taskId.
        if (response.status === 400 && body.error?.data?.fields?.taskId === 'full') {
          const first = answers.get(item.key);
          if (first === undefined) answers.set(item.key, 'full');
          // A retry may find the task full after its original took a place: then it must be refused only if the original was too.
          else if (first !== 'full') mismatched++;
          full++;
          continue;
        }
        if (response.status !== 200) {
          errors++;
          if (errors <= 5) options.log(`error ${response.status}: ${response.body.slice(0, 200)}`);
          continue;
        }
        const claimId = body.result.data.claimId as string;
        const first = answers.get(item.key);
        if (first === undefined) answers.set(item.key, claimId);
        else if (first !== claimId) mismatched++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    options.log(`${queue.length} requests (${queue.length - CLAIMANTS} retries) at c=${CONCURRENCY} in ${seconds.toFixed(1)} s; told full: ${full}; retries answered differently: ${mismatched}; errors: ${errors}`);

    const counted = await owner.query(
      `select (select count(*)::int from tasks.claims where tenant_id = $1 and task_id = $2 and status <> 'withdrawn') as claimed,
              (select count(distinct member_id)::int from tasks.claims where tenant_id = $1 and task_id = $2) as members,
              (select count(*)::int from tasks.claims where tenant_id = $1 and task_id = $2) as rows,
              (select claimed_count from tasks.tasks where tenant_id = $1 and id = $2) as places,
              (select count(*)::int from tasks.outbox where tenant_id = $1 and topic = 'tasks.claimed' and payload->>'taskId' = $2::text) as events`,
      [TENANT, taskId],
    );
    const c = counted.rows[0] as { claimed: number; members: number; rows: number; places: number; events: number };
    options.log(`database: ${c.claimed} claims holding a place (counter ${c.places}) of ${c.members} members in ${c.rows} rows, ${c.events} events`);
    const oversold = Math.max(0, c.claimed - QUOTA) + Math.max(0, c.places - QUOTA);
    // A duplicate is a second claim row of a member, an event beyond one per claim, or a retry answered with another claim.
    const duplicates = c.rows - c.members + Math.abs(c.events - c.rows) + mismatched;
    if (errors > 0) options.log(`${errors} requests failed`);
    return { line: `BURST claim-hot claimed=${c.claimed} quota=${QUOTA} oversold=${oversold} duplicates=${duplicates}` };
  } finally {
    client.close();
    await owner.end();
    server.stop();
  }
}
