import { AWAY_REASONS, LEDGER_FIELDS, PERSONAL_FIELDS, type AwayReason, type EducationLevel } from '../ledger-fields.ts';

// The light half of the Excel module: field list, labels and error codes, shared by the
// server (which must not load exceljs) and the workbook code. Entry `@tongxin/ledger/xlsx/fields`.

export type XlsxLocale = 'zh-CN' | 'en';

/** The template's columns, in order: the personal record, branch and status, the ledger, then why the member is away. */
export const IMPORT_FIELDS = [...PERSONAL_FIELDS, 'branch', 'status', ...LEDGER_FIELDS, 'awayReason'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column headers. The zh-CN ones are the labels counties' own spreadsheets use. */
export const FIELD_HEADERS: Record<ImportField, Record<XlsxLocale, string>> = {
  name: { 'zh-CN': '姓名', en: 'Name' },
  gender: { 'zh-CN': '性别', en: 'Gender' },
  birthDate: { 'zh-CN': '出生日期', en: 'Date of birth' },
  idCardNumber: { 'zh-CN': '身份证号', en: 'ID-card number' },
  phone: { 'zh-CN': '手机号码', en: 'Mobile phone' },
  joinedOn: { 'zh-CN': '入党时间', en: 'Joined the party' },
  education: { 'zh-CN': '学历', en: 'Education' },
  branch: { 'zh-CN': '所在支部', en: 'Branch' },
  status: { 'zh-CN': '状态', en: 'Status' },
  destinationProvince: { 'zh-CN': '流入省份', en: 'Destination province' },
  destinationCity: { 'zh-CN': '流入城市', en: 'Destination city' },
  employer: { 'zh-CN': '工作单位', en: 'Employer' },
  occupation: { 'zh-CN': '从事职业', en: 'Occupation' },
  residentialAddress: { 'zh-CN': '现居住地址', en: 'Residential address' },
  destinationPhone: { 'zh-CN': '流入地联系电话', en: 'Phone at destination' },
  destinationOrgName: { 'zh-CN': '流入地党组织名称', en: 'Destination party organization' },
  destinationOrgLeader: { 'zh-CN': '流入地党组织负责人', en: 'Destination organization leader' },
  destinationOrgContact: { 'zh-CN': '负责人联系方式', en: "Leader's contact" },
  awaySince: { 'zh-CN': '外出时间', en: 'Away since' },
  awayReason: { 'zh-CN': '外出原因', en: 'Reason for leaving' },
};

/** Other headers seen in county spreadsheets (and the app's own labels), accepted on import. */
const HEADER_ALIASES: Record<string, ImportField> = {
  身份证号码: 'idCardNumber', 公民身份号码: 'idCardNumber', 联系电话: 'phone', 手机号: 'phone', 出生年月: 'birthDate',
  所在党支部: 'branch', 支部: 'branch', 党支部: 'branch', 入党日期: 'joinedOn', 外出日期: 'awaySince',
  流入地党组织: 'destinationOrgName', 文化程度: 'education', 外出事由: 'awayReason', 流出原因: 'awayReason', 'id card number': 'idCardNumber', 'id number': 'idCardNumber', 'phone': 'phone',
  'home branch': 'branch', 'its leader': 'destinationOrgLeader', 'birth date': 'birthDate', 'joined on': 'joinedOn',
};

const normalizeHeader = (header: string) => header.replace(/[\s*＊:：（）()]/g, '').toLowerCase();

const HEADER_LOOKUP = new Map<string, ImportField>([
  ...IMPORT_FIELDS.flatMap((f) => [[normalizeHeader(FIELD_HEADERS[f]['zh-CN']), f], [normalizeHeader(FIELD_HEADERS[f].en), f]] as [string, ImportField][]),
  ...Object.entries(HEADER_ALIASES).map(([h, f]) => [normalizeHeader(h), f] as [string, ImportField]),
]);

/** The field a header names, in either language (spaces, asterisks and colons ignored), or null. */
export function fieldOfHeader(header: string): ImportField | null {
  return HEADER_LOOKUP.get(normalizeHeader(header)) ?? null;
}

/** The fields a row must have (branch may come from the import's default branch instead). */
export const REQUIRED_FIELDS: readonly ImportField[] = ['name', 'idCardNumber', 'branch'];

export const GENDER_LABELS = { male: { 'zh-CN': '男', en: 'Male' }, female: { 'zh-CN': '女', en: 'Female' } } as const;
/** Statuses an import may set: a transfer out is recorded by the transfer, not by a spreadsheet. */
export const IMPORT_STATUSES = ['resident', 'mobile', 'lost_contact'] as const;
export const STATUS_LABELS = {
  resident: { 'zh-CN': '在家', en: 'Resident' },
  mobile: { 'zh-CN': '流动', en: 'Mobile' },
  lost_contact: { 'zh-CN': '失联', en: 'Lost contact' },
  transferred_out: { 'zh-CN': '已转出', en: 'Transferred out' },
} as const;
/** 学历 as the party's statistics name the bands (the app's dictionaries use the same words). */
export const EDUCATION_LABELS: Record<EducationLevel, Record<XlsxLocale, string>> = {
  postgraduate: { 'zh-CN': '研究生', en: 'Postgraduate' },
  bachelor: { 'zh-CN': '大学本科', en: "Bachelor's degree" },
  college: { 'zh-CN': '大学专科', en: 'Junior college' },
  secondary_vocational: { 'zh-CN': '中专', en: 'Secondary vocational school' },
  high_school: { 'zh-CN': '高中', en: 'Senior high school' },
  junior_or_below: { 'zh-CN': '初中及以下', en: 'Junior high school or below' },
};
export const AWAY_REASON_LABELS: Record<AwayReason, Record<XlsxLocale, string>> = {
  work: { 'zh-CN': '务工', en: 'Work' },
  business: { 'zh-CN': '经商', en: 'Business' },
  study: { 'zh-CN': '求学', en: 'Study' },
  family: { 'zh-CN': '随迁、照顾家属', en: 'With or caring for family' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** The columns whose cells are codes, each with the labels a cell may hold (a cell shows the label, the database keeps the code). */
export const CODED_FIELDS = {
  gender: GENDER_LABELS,
  status: STATUS_LABELS,
  education: EDUCATION_LABELS,
  awayReason: AWAY_REASON_LABELS,
} as const;
export type CodedField = keyof typeof CODED_FIELDS;

/** A code in the sheet's language ('' for none); a code with no label is written as it is. */
export function codeLabel(field: CodedField, code: string | null, locale: XlsxLocale): string {
  if (!code) return '';
  return (CODED_FIELDS[field] as Record<string, Record<XlsxLocale, string>>)[code]?.[locale] ?? code;
}

/** What county spreadsheets write besides the labels. */
const EXTRA_ALIASES: Record<CodedField, Record<string, string>> = {
  gender: { m: 'male', f: 'female' },
  status: { 在册: 'resident', 流动党员: 'mobile', 外出: 'mobile', 失去联系: 'lost_contact' },
  education: {
    博士: 'postgraduate', 博士研究生: 'postgraduate', 硕士: 'postgraduate', 硕士研究生: 'postgraduate', 本科: 'bachelor', 大学: 'bachelor',
    大专: 'college', 专科: 'college', 中技: 'secondary_vocational', '中专/中技': 'secondary_vocational', 中等专科: 'secondary_vocational',
    职高: 'secondary_vocational', 初中: 'junior_or_below', 小学: 'junior_or_below', 初中以下: 'junior_or_below',
  },
  awayReason: { 打工: 'work', 外出务工: 'work', 做生意: 'business', 上学: 'study', 读书: 'study', 随迁: 'family', 照顾家属: 'family', 随迁家属: 'family', 探亲: 'family' },
};

// An import may not set `transferred_out`: its label reads as itself, and validation refuses it.
const SETTABLE: Record<CodedField, readonly string[]> = {
  gender: Object.keys(GENDER_LABELS), status: IMPORT_STATUSES, education: Object.keys(EDUCATION_LABELS), awayReason: AWAY_REASONS,
};

/** Case, spaces and the separators people put between two words (随迁、照顾家属, 中专/中技) do not matter. */
const normalValue = (value: string) => value.trim().toLowerCase().replace(/[\s/、，,_]/g, '');

const VALUE_ALIASES = Object.fromEntries(
  (Object.keys(CODED_FIELDS) as CodedField[]).map((field) => {
    const labels = CODED_FIELDS[field] as Record<string, Record<XlsxLocale, string>>;
    const aliases = new Map<string, string>(Object.entries(EXTRA_ALIASES[field]).map(([alias, code]) => [normalValue(alias), code]));
    for (const code of SETTABLE[field]) {
      aliases.set(normalValue(code), code);
      for (const label of Object.values(labels[code]!)) aliases.set(normalValue(label), code);
    }
    return [field, aliases];
  }),
) as Record<CodedField, Map<string, string>>;

const isCoded = (field: string): field is CodedField => Object.hasOwn(CODED_FIELDS, field);

/**
 * A cell as the field stores it: 男 / Female / 流动 / 大专 / 务工 → the code; anything else,
 * and every other column, trimmed and unchanged (validation names what it does not accept).
 */
export function canonicalValue(field: string, value: string): string {
  const trimmed = value.trim();
  if (!isCoded(field)) return trimmed;
  return VALUE_ALIASES[field].get(normalValue(trimmed)) ?? trimmed;
}

/** What the server answers per bad cell; the UI translates the code (IMPORT_ERROR_MESSAGES). */
export const IMPORT_ERROR_CODES = [
  'required', 'too_short', 'too_long', 'id_card_format', 'id_card_birth_date', 'id_card_check_digit', 'id_card_as_number',
  'phone', 'date', 'future_date', 'invalid_option', 'birth_date_mismatch', 'gender_mismatch', 'unknown_branch',
  'ambiguous_branch', 'duplicate_in_file', 'id_card_unavailable', 'own_record', 'not_away', 'invalid',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export interface ImportError {
  /** The spreadsheet row number (1-based, as Excel shows it). */
  row: number;
  /** The field key (an ImportField), or '' for the whole row. */
  column: string;
  code: ImportErrorCode;
  message: string;
}

export const IMPORT_ERROR_MESSAGES: Record<ImportErrorCode, Record<XlsxLocale, string>> = {
  required: { 'zh-CN': '必填项，不能为空', en: 'Required: must not be empty' },
  too_short: { 'zh-CN': '内容太短', en: 'Too short' },
  too_long: { 'zh-CN': '内容太长', en: 'Too long' },
  id_card_format: { 'zh-CN': '身份证号应为17位数字加1位数字或X', en: 'An ID-card number has 17 digits and a digit or X' },
  id_card_birth_date: { 'zh-CN': '身份证号中的出生日期不是有效日期', en: 'The birth date in this ID-card number is not a real date' },
  id_card_check_digit: { 'zh-CN': '身份证号最后一位（校验码）不正确', en: 'The last character (check digit) of this ID-card number is wrong' },
  id_card_as_number: { 'zh-CN': '身份证号被存成了数字，末几位已丢失：请将该列设为“文本”后重新填写', en: 'The ID-card number was stored as a number and lost its last digits: format the column as Text and enter it again' },
  phone: { 'zh-CN': '电话号码格式不正确（手机号11位，座机需带区号）', en: 'Not a valid phone number (11-digit mobile, or a landline with area code)' },
  date: { 'zh-CN': '日期格式不正确，请填写如 2024-03-15', en: 'Not a valid date: write it like 2024-03-15' },
  future_date: { 'zh-CN': '日期不能晚于今天', en: 'The date is in the future' },
  invalid_option: { 'zh-CN': '不是可选的值，请从下拉列表中选择', en: 'Not one of the allowed values: pick one from the list' },
  birth_date_mismatch: { 'zh-CN': '出生日期与身份证号不一致', en: 'The date of birth does not match the ID-card number' },
  gender_mismatch: { 'zh-CN': '性别与身份证号不一致', en: 'The gender does not match the ID-card number' },
  unknown_branch: { 'zh-CN': '您的管理范围内没有这个支部', en: 'No branch with this name in your organizations' },
  ambiguous_branch: { 'zh-CN': '有多个同名支部，请填写完整名称', en: 'Several branches have this name: use the full name' },
  duplicate_in_file: { 'zh-CN': '该身份证号在文件中重复出现', en: 'This ID-card number appears more than once in the file' },
  // members.create's words for the same case: nothing says whether, or where, a member holds the number (issue 13, class B).
  id_card_unavailable: {
    'zh-CN': '该身份证号无法在此登记，请联系上级党组织。此次尝试已告知组织部',
    en: 'This ID-card number cannot be registered here: ask the level above. The organization department has been told of this attempt',
  },
  // Nobody changes their own official record: the level above does (issue 13 C).
  own_record: { 'zh-CN': '这是您本人的档案，不能由您本人修改，请由上级党组织修改', en: 'This is your own record: the level above corrects it, not you' },
  not_away: { 'zh-CN': '在家党员没有外出原因：请同时将状态填为“流动”或“失联”', en: 'A resident member has no reason for being away: set the status to mobile or lost contact too' },
  invalid: { 'zh-CN': '内容不正确', en: 'Not valid' },
};

export interface ImportRow {
  rowNumber: number;
  values: Partial<Record<ImportField, string>>;
}

/** At most this many rows per `excel.importRows` call. */
export const IMPORT_CHUNK_ROWS = 500;

/**
 * Splits parsed rows into upload chunks: at most `maxRows` rows and `maxBytes` of JSON each
 * (the services refuse bodies over 64 KB, about 120 full rows), so progress moves per chunk.
 */
export function chunkForUpload<R extends { rowNumber: number } = ImportRow>(rows: readonly R[], maxRows = IMPORT_CHUNK_ROWS, maxBytes = 56_000): R[][] {
  const encoder = new TextEncoder();
  const chunks: R[][] = [];
  let current: R[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = encoder.encode(JSON.stringify(row)).length + 1;
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
export type { ExportRow } from './export-row.ts';
