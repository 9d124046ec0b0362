import pg from 'pg';
import { createHttpGetter } from './http-client.ts';
import { describe, measure, type Measurement } from './measure.ts';
import { freshDatabase, startTongxin } from './server.ts';

const MEMBER = { tenantId: '431023', username: '13800000001', password: 'Tongxin-2026' };
// The same query roster.me runs (services/roster/src/members/get-my-profile.ts), sent raw.
const PROFILE_SQL = `
  select m.id, m.name, m.status, m.gender, m.birth_date, m.id_card_number, m.phone, m.joined_on, m.education, m.away_reason,
         m.destination_province, m.destination_city, m.employer, m.occupation, m.residential_address,
         m.destination_phone, m.destination_org_name, m.destination_org_leader, m.destination_org_contact,
         m.away_since, m.field_confirmed_at, m.ledger_confirmed_at, m.version,
         b.name as branch, coalesce(t.place, t.name) as township, m.destination_city as "destinationCity",
         m.branch_id, t.id as township_id, m.org_path
  from roster.members m
  join roster.orgs b on b.tenant_id = m.tenant_id and b.id = m.branch_id
  left join roster.orgs t on t.tenant_id = m.tenant_id and t.kind = 'township' and m.org_path like t.path || '%'
  where m.user_id = $1
  limit 1`;

export interface ScenarioResult {
  full: Measurement[];
  raw: Measurement[];
  /** Printed just before the scenario's BENCH line (e.g. login's LOOP line). */
  extraLines?: string[];
}

/**
 * `me`: an authenticated tRPC read over HTTP (access-token check, tenant transaction, RLS)
 * against the same query sent directly with pg on the same PostgreSQL.
 */
export async function runMe(options: { adminUrl: string; driver: 'pg' | 'neon'; durationMs: number; port: number; log: (line: string) => void }): Promise<ScenarioResult> {
  const databaseUrl = await freshDatabase(options.adminUrl, 'tongxin_bench');
  const server = await startTongxin(databaseUrl, options.driver, options.port);
  const raw = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  const http = createHttpGetter(server.base, 8);
  try {
    let cookie = await logIn(server.base);
    const userId = (await (await fetch(`${server.base}/api/identity/trpc/auth.me`, { headers: { cookie } })).json()).result.data.user.id;
    const fullCall = async () => {
      let status = await http.get('/api/roster/trpc/members.me', { cookie });
      if (status === 401) {
        cookie = await logIn(server.base); // the 60-second access token ran out mid-run
        status = await http.get('/api/roster/trpc/members.me', { cookie });
      }
      if (status !== 200) throw new Error(`roster.me answered ${status}`);
    };
    // For the note: what HTTP alone costs here (health: one `select 1`, no tRPC, no session).
    const floorCall = async () => {
      if ((await http.get('/api/roster/health', {})) !== 200) throw new Error('health failed');
    };
    const rawCall = async () => {
      const result = await raw.query(PROFILE_SQL, [userId]);
      if (result.rows.length !== 1) throw new Error('raw query found no member');
    };
    // Warm both paths (JIT, connection pools, plan caches) before measuring.
    await measure(fullCall, 8, 1000);
    await measure(rawCall, 8, 1000);
    const result: ScenarioResult = { full: [], raw: [] };
    for (const concurrency of [1, 8]) {
      const full = await measure(fullCall, concurrency, options.durationMs);
      const direct = await measure(rawCall, concurrency, options.durationMs);
      options.log(describe(`full stack (${options.driver})`, full));
      options.log(describe('raw pg query', direct));
      result.full.push(full);
      result.raw.push(direct);
    }
    // The layers, for the note (issue 16): HTTP with one query; tRPC with the access-token
    // check and no database (identity's auth.me answers from the token); the database's work
    // alone (below); the full stack (above).
    options.log(describe('floor: HTTP health (1 query)', await measure(floorCall, 8, options.durationMs)));
    const trpcOnly = async () => {
      if ((await http.get('/api/identity/trpc/auth.me', { cookie })) !== 200) throw new Error('auth.me failed');
    };
    options.log(describe('tRPC + token check, no database (auth.me)', await measure(trpcOnly, 8, options.durationMs)));
    // For the note: the raw query as a named (prepared) statement, as roster.me sends it.
    const rawNamed = async () => void (await raw.query({ name: 'me', text: PROFILE_SQL, values: [userId] }));
    options.log(describe('raw pg, named statement', await measure(rawNamed, 8, options.durationMs)));
    return result;
  } finally {
    http.close();
    await raw.end();
    server.stop();
  }
}

async function logIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/identity/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tongxin-request': '1' },
    body: JSON.stringify(MEMBER),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
