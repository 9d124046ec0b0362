import { withCheckDigit } from '@tongxin/ledger';
import { buildTemplate, chunkForUpload, IMPORT_FIELDS, parseMemberSheet, type ImportField } from '@tongxin/ledger/xlsx';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { parseArgs } from 'node:util';
import { logIn } from './log-in.ts';
import { freshDatabase, startTongxin } from './server.ts';

// `node --import tsx infra/bench/src/import-timing.ts [--rows 10000]`: a county spreadsheet
// imported through the whole stack (a real server process, HTTP, tRPC, tenant transactions,
// RLS) on PostgreSQL, twice; the second import must change nothing. Not a test.
const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' }, driver: { type: 'string', default: 'pg' } } });
const ROWS = Number(values.rows);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TOWNSHIP_SECRETARY = { tenantId: '431023', username: '13800000004', password: 'Tongxin-2026' };
const BRANCHES = ['涌水村党支部', '涌水村流动党员党支部', '马田村党支部', '高亭村党支部', '高亭村流动党员党支部'];
const CITIES = [['广东省', '深圳'], ['广东省', '东莞'], ['广东省', '广州'], ['福建省', '福州']] as const;
const SURNAMES = '李王张刘陈黄曹邓周谢罗廖马何曾彭唐胡';
const GIVEN = ['明', '华', '建国', '志强', '秀英', '丽', '伟', '芳', '军', '春生', '桂花', '海波', '小兵', '文杰'];

/** The rows a county would have: personal record for all, the ledger for a quarter (mobile). */
function countySheetRows(n: number): Partial<Record<ImportField, string>>[] {
  return Array.from({ length: n }, (_, i) => {
    const born = new Date(Date.UTC(1950, 0, 1) + ((i * 7919) % 18_000) * 86_400_000).toISOString().slice(0, 10);
    // 431021 (a neighbouring county's code): people registered elsewhere, so no clash with the demo members.
    const id = withCheckDigit(`431021${born.replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`);
    const mobile = i % 4 === 0;
    const [province, city] = CITIES[i % CITIES.length]!;
    const row: Partial<Record<ImportField, string>> = {
      name: SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]!,
      idCardNumber: id,
      phone: `139${String(10_000_000 + i).padStart(8, '0')}`,
      joinedOn: `${Number(born.slice(0, 4)) + 25}-07-01`,
      branch: BRANCHES[mobile ? (i % 2 === 0 ? 1 : 4) : i % 5 === 1 ? 0 : i % 5 === 2 ? 2 : 3]!,
      status: mobile ? '流动' : '在家',
    };
    if (mobile) {
      Object.assign(row, {
        destinationProvince: province, destinationCity: city, employer: `${city}市宏达家具有限公司`, occupation: '家具工',
        residentialAddress: `${city}市工业大道${i % 300}号`, destinationPhone: row.phone, destinationOrgName: `永兴县驻${city}流动党员党支部`,
        destinationOrgLeader: '黄海波', destinationOrgContact: '13800000003', awaySince: '2023-02-15',
      });
    }
    return row;
  });
}

async function buildFile(rows: Partial<Record<ImportField, string>>[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildTemplate('zh-CN')) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  // Below the template's example row, as a secretary pastes them.
  rows.forEach((row, i) => (sheet.getRow(i + 3).values = IMPORT_FIELDS.map((f) => row[f] ?? '')));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

const databaseUrl = await freshDatabase(adminUrl, 'tongxin_import');
const server = await startTongxin(databaseUrl, values.driver === 'neon' ? 'neon' : 'pg', 39_000 + Math.floor(Math.random() * 900));
const owner = new pg.Client({ connectionString: databaseUrl });
await owner.connect();
const count = async (table: string) => Number((await owner.query(`select count(*)::int as n from roster.${table}`)).rows[0].n);
try {
  let t0 = performance.now();
  const bytes = await buildFile(countySheetRows(ROWS));
  console.log(`built a ${ROWS}-row sheet (${(bytes.length / 1024).toFixed(0)} KB) in ${seconds(t0).toFixed(1)} s`);
  t0 = performance.now();
  const parsed = await parseMemberSheet(bytes);
  const parseSeconds = seconds(t0);
  if (parsed.rows.length !== ROWS || parsed.problems.length > 0) throw new Error(`parsed ${parsed.rows.length} rows, ${parsed.problems.length} problems`);
  const chunks = chunkForUpload(parsed.rows);
  console.log(`parsed in ${parseSeconds.toFixed(1)} s; ${chunks.length} chunks`);

  let cookie = await logIn(server.base, TOWNSHIP_SECRETARY);
  const importOnce = async () => {
    const total = { created: 0, updated: 0, unchanged: 0, errors: 0 };
    const started = performance.now();
    for (const rows of chunks) {
      const send = () =>
        fetch(`${server.base}/api/roster/trpc/excel.importRows`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tongxin-request': '1', cookie },
          body: JSON.stringify({ rows }),
        });
      let response = await send();
      if (response.status === 401) {
        cookie = await logIn(server.base, TOWNSHIP_SECRETARY); // the 60-second access token ran out
        response = await send();
      }
      if (!response.ok) throw new Error(`importRows answered ${response.status}: ${await response.text()}`);
      const data = (await response.json()).result.data;
      total.created += data.created;
      total.updated += data.updated;
      total.unchanged += data.unchanged;
      total.errors += data.errors.length;
    }
    return { ...total, seconds: seconds(started) };
  };

  const membersBefore = await count('members');
  const first = await importOnce();
  const afterFirst = [await count('members'), await count('member_versions')];
  const second = await importOnce();
  const afterSecond = [await count('members'), await count('member_versions')];
  console.log(`first import:  ${JSON.stringify(first)}  (members ${membersBefore} → ${afterFirst[0]})`);
  console.log(`second import: ${JSON.stringify(second)}  (members, versions ${afterFirst.join(', ')} → ${afterSecond.join(', ')})`);
  const sameAfterSecond = afterFirst[0] === afterSecond[0] && afterFirst[1] === afterSecond[1] && second.created === 0 && second.updated === 0;
  console.log(`IMPORT rows=${ROWS} parse_s=${parseSeconds.toFixed(1)} first_s=${first.seconds.toFixed(1)} second_s=${second.seconds.toFixed(1)} created=${first.created} errors=${first.errors} second_changes_nothing=${sameAfterSecond}`);
} finally {
  await owner.end();
  server.stop();
}
process.exit(0);
