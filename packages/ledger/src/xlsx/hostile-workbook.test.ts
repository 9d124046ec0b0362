import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../id-card.ts';
import {
  buildErrorReport, buildLedgerExport, buildRosterExport, MAX_FILE_BYTES, MAX_ROWS, MAX_UNCOMPRESSED_BYTES, parseMemberSheet, parseOrgSheet,
  WorkbookRefused, type ExportRow,
} from './index.ts';

/** A zip written by hand, so a test can make one that lies about its sizes. */
function zipOf(parts: Record<string, string>, options: { declaredSize?: number } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw, { level: 9 });
    const fileName = Buffer.from(name);
    const size = options.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The parts of a one-sheet .xlsx around the given sheet XML. */
function xlsxOf(sheetXml: string, options: { declaredSize?: number } = {}): Uint8Array {
  return zipOf({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': sheetXml,
  }, options);
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const sheetOf = (rows: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
const memberRows = (count: number) => [
  `<row r="1">${cell('A1', '姓名')}${cell('B1', '身份证号')}</row>`,
  ...Array.from({ length: count }, (_, i) => `<row r="${i + 2}">${cell(`A${i + 2}`, `党员${i}`)}${cell(`B${i + 2}`, withCheckDigit(`43102319850312${String(i).padStart(3, '0')}`))}</row>`),
];
/** A sheet whose one cell is a long run of the same character: a few hundred KB that inflate past the limit. */
const bombSheet = () => sheetOf([`<row r="1">${cell('A1', 'A'.repeat(MAX_UNCOMPRESSED_BYTES + 1024))}</row>`]);

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookRefused);
  return (error as WorkbookRefused).code;
};

describe('a hostile file is refused before exceljs parses it', () => {
  it('the hand-written xlsx of this test parses when it is within the limits (members and orgs)', async () => {
    const parsed = await parseMemberSheet(xlsxOf(sheetOf(memberRows(3))));
    expect(parsed.rows.map((r) => r.values.name)).toEqual(['党员0', '党员1', '党员2']);
    const orgs = await parseOrgSheet(xlsxOf(sheetOf([`<row r="1">${cell('A1', '上级组织')}${cell('B1', '组织名称')}</row>`, `<row r="2">${cell('A2', '马田镇党委')}${cell('B2', '涌水村党支部')}</row>`])));
    expect(orgs.rows).toHaveLength(1);
  });

  it('refuses a zip bomb whose directory declares the sheet’s real size, from the directory alone', async () => {
    const bomb = xlsxOf(bombSheet());
    expect(bomb.length).toBeLessThan(MAX_FILE_BYTES / 10);
    const started = Date.now();
    expect(await refusal(parseMemberSheet(bomb))).toBe('expands_too_large');
    expect(await refusal(parseOrgSheet(bomb))).toBe('expands_too_large');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses a zip bomb whose directory lies about the size, once inflating passes the limit', async () => {
    const liar = xlsxOf(bombSheet(), { declaredSize: 1000 });
    expect(await refusal(parseMemberSheet(liar))).toBe('expands_too_large');
  });

  it(`refuses a sheet of more than ${MAX_ROWS} rows, and reads one of exactly ${MAX_ROWS}`, async () => {
    expect(await refusal(parseMemberSheet(xlsxOf(sheetOf(memberRows(MAX_ROWS)))))).toBe('too_many_rows');
    const atLimit = await parseMemberSheet(xlsxOf(sheetOf(memberRows(MAX_ROWS - 1))));
    expect(atLimit.rows).toHaveLength(MAX_ROWS - 1);
  }, 60_000);

  it('refuses a file over the size limit, and one that is no zip, without reading on', async () => {
    expect(await refusal(parseMemberSheet(new Uint8Array(MAX_FILE_BYTES + 1)))).toBe('file_too_large');
    expect(await refusal(parseOrgSheet(new TextEncoder().encode('姓名,身份证号\n')))).toBe('not_xlsx');
  });
});

const exportRow: ExportRow = {
  name: '=HYPERLINK("http://evil.example","点击")', gender: 'male', birthDate: '1988-05-20', idCardNumber: '431023************', phone: '+8613800000001',
  joinedOn: '2012-07-01', branch: '@SUM(1+1)', status: 'mobile', destinationProvince: '广东省', destinationCity: '深圳市', employer: '-2+3',
  occupation: '\t=1+1', residentialAddress: '深圳市龙岗区 = 坂田', destinationPhone: null, destinationOrgName: null, destinationOrgLeader: null,
  destinationOrgContact: null, awaySince: null, education: null, awayReason: null,
};

const load = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
};

describe('exports never carry text that a spreadsheet program takes for a formula', () => {
  it('the roster writes text cells beginning with = + - @ or a tab as string cells behind an apostrophe, and imports back as typed', async () => {
    const bytes = await buildRosterExport([{ ...exportRow, idCardNumber: withCheckDigit('43102319850312001') }]);
    const sheet = await load(bytes);
    const body = sheet.getRow(4);
    const byHeader = (header: string) => body.getCell((sheet.getRow(3).values as string[]).indexOf(header));
    expect(byHeader('姓名').value).toBe(`'=HYPERLINK("http://evil.example","点击")`);
    expect(byHeader('姓名').type).toBe(ExcelJS.ValueType.String);
    expect(byHeader('手机号码').value).toBe("'+8613800000001");
    expect(byHeader('所在支部').value).toBe("'@SUM(1+1)");
    expect(byHeader('工作单位').value).toBe("'-2+3");
    expect(byHeader('从事职业').value).toBe("'\t=1+1");
    expect(byHeader('现居住地址').value).toBe('深圳市龙岗区 = 坂田');
    expect(body.getCell(1).value).toBe(1);
    body.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula));
    const parsed = await parseMemberSheet(bytes);
    expect(parsed.rows[0]!.values).toMatchObject({ name: exportRow.name, branch: '@SUM(1+1)', employer: '-2+3', phone: '+8613800000001' });
  });

  it('the ledger and the error report are guarded the same way', async () => {
    const ledger = await load(await buildLedgerExport([exportRow]));
    expect(ledger.getCell(4, 2).value).toBe(`'${exportRow.name}`);
    expect(ledger.getCell(4, 7).value).toBe("'@SUM(1+1)");
    const report = await load(await buildErrorReport([{ row: 2, column: '=cmd|/C calc!A0', message: '@evil' }], 'en'));
    expect(report.getRow(2).values).toEqual([undefined, 2, "'=cmd|/C calc!A0", "'@evil"]);
  });
});
