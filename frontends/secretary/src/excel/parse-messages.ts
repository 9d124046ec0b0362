import type { ParsedOrgSheet, ParsedSheet, ReadProgress } from '@tongxin/ledger/xlsx';
import type { WorkbookRefusal } from '@tongxin/ledger/xlsx/limits';

/** What the page asks the parse worker: which import's sheet, and the file's bytes (transferred). */
export interface ParseRequest {
  kind: 'members' | 'orgs';
  bytes: ArrayBuffer;
}

export type ParseReply =
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'done'; result: ParsedSheet | ParsedOrgSheet }
  | { type: 'refused'; code: WorkbookRefusal }
  | { type: 'unreadable' };
