import pg from 'pg';
import { claimInput, CLAIM_PATH, publishBenchTask } from './claim-stack.ts';
import type { ScenarioResult } from './scenario-me.ts';
import { createHttpPoster, createTokens, createWarmer, measureWrites, prepareCounty, startWithKeys, TENANT, type BenchMember } from './scenario-report-stack.ts';

/**
 * `claim`: a member claims a task through the whole stack (HTTP, access token, tRPC, zod,
 * tenant transaction, RLS, `tasks.take_place`: the visibility check, the place, the claim
 * and the outbox event) against the same SQL raw on pg: the scope settings the function reads
 * and the function call, sent as ONE simple query by the owner. Every request is a member
 * claiming a task they have not claimed, so each is a fresh claim, never a replay.
 */
export async function runClaim(options: { adminUrl: string; driver: 'pg' | 'neon'; durationMs: number; port: number; log: (line: string) => void }): Promise<ScenarioResult> {
  const { databaseUrl, members } = await prepareCounty(options.adminUrl, 'tongxin_bench_claim', options.log);
  const server = await startWithKeys(databaseUrl, options.driver, options.port);
  const raw = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  const client = createHttpPoster(server.base, 8);
  const tokens = createTokens(server.keys);
  const warmer = createWarmer(server.base, tokens, '/api/tasks/trpc/claims.mine');
  // The full side walks the members once on its task; the raw side takes a new task whenever
  // it has been through them all (it is several times faster).
  const fullTask = await publishBenchTask(raw, '帮村里销售冰糖橙（全栈）', null);
  const rawTasks: string[] = [];
  let next = 0;
  let rawCount = 0;
  const take = (): BenchMember => {
    const m = members[next++];
    if (!m) throw new Error(`ran out of members after ${members.length} claims: shorten --seconds`);
    return m;
  };
  try {
    const fullCall = async () => {
      const m = take();
      const response = await client.post(CLAIM_PATH, claimInput(fullTask, crypto.randomUUID()), await tokens.cookieFor(m));
      if (response.status !== 200) throw new Error(`claims.claim answered ${response.status}: ${response.body.slice(0, 200)}`);
      if (!JSON.parse(response.body).result.data.created) throw new Error('a fresh claim was not created');
    };
    const rawCall = async () => {
      const i = rawCount++;
      const round = Math.floor(i / members.length);
      while (rawTasks.length <= round) rawTasks.push(await publishBenchTask(raw, `帮村里销售冰糖橙（原始 ${round}）`, null));
      const m = members[i % members.length]!;
      const db = await raw.connect();
      try {
        const lit = (v: string) => db.escapeLiteral(v);
        // One round trip: what tenantTransaction sets that the function reads, then the call.
        const results = (await db.query(`begin; select set_config('app.tenant_id', ${lit(TENANT)}, true), set_config('app.user_id', ${lit(m.userId)}, true);
          select claim, created, refusal from tasks.take_place(${lit(rawTasks[round]!)}::uuid, ${lit(crypto.randomUUID())}, now()); commit`)) as unknown as pg.QueryResult[];
        const answer = results[2]!.rows[0] as { created: boolean; refusal: string | null };
        if (!answer.created) throw new Error(`raw claim refused: ${answer.refusal}`);
      } catch (error) {
        await db.query('rollback');
        throw error;
      } finally {
        db.release();
      }
    };
    // The member's app lists their claims before claiming.
    const warmAhead = () => warmer.warm(members.slice(next, next + 3000));
    const result = await measureWrites(options, { full: fullCall, raw: rawCall, warmAhead });
    // Honesty check: every accepted request is one claim, one place and one event.
    const check = await raw.query(
      `select (select count(*)::int from tasks.claims where tenant_id = $1 and task_id = $2) as claims,
              (select claimed_count from tasks.tasks where tenant_id = $1 and id = $2) as places,
              (select count(*)::int from tasks.outbox where tenant_id = $1 and topic = 'tasks.claimed' and payload->>'taskId' = $2::text) as events`,
      [TENANT, fullTask],
    );
    const { claims, places, events } = check.rows[0] as { claims: number; places: number; events: number };
    if (claims !== next || places !== next || events !== next) throw new Error(`full side: ${next} claims sent but ${claims} claims, ${places} places, ${events} events`);
    options.log(`full side: ${next} claims stored ${claims} claims, ${places} places taken, ${events} events`);
    return result;
  } finally {
    client.close();
    warmer.close();
    await raw.end();
    server.stop();
  }
}
