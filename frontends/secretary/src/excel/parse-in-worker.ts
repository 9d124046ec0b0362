import type { ParsedOrgSheet, ParsedSheet, ReadProgress } from '@tongxin/ledger/xlsx';
import { MAX_FILE_BYTES, type WorkbookRefusal } from '@tongxin/ledger/xlsx/limits';
import type { ParseReply, ParseRequest } from './parse-messages.ts';
import { loadXlsx } from '../shared/save-file.ts';

/** The file was refused (over a limit) or could not be read: nothing of it is imported. */
export class ParseFailed extends Error {
  constructor(readonly code: WorkbookRefusal | 'unreadable') {
    super(code);
    this.name = 'ParseFailed';
  }
}

type Parsed = { members: ParsedSheet; orgs: ParsedOrgSheet };

/**
 * Parses an uploaded workbook in a Web Worker (the shared reader of `@tongxin/ledger/xlsx`,
 * with its limits), reporting progress; a file over `MAX_FILE_BYTES` is refused unread.
 */
export async function parseInWorker<K extends keyof Parsed>(kind: K, file: File, onProgress: (progress: ReadProgress) => void): Promise<Parsed[K]> {
  if (file.size > MAX_FILE_BYTES) throw new ParseFailed('file_too_large');
  const bytes = await file.arrayBuffer();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'xlsx-parse' });
  } catch {
    // Only when this remote is served from another origin (a dev setup): a browser starts
    // workers from the page's origin only. The same reader, with the same limits, in the tab.
    return parseInTab(kind, bytes, onProgress);
  }
  try {
    return await new Promise<Parsed[K]>((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent<ParseReply>) => {
        const reply = event.data;
        if (reply.type === 'progress') onProgress(reply.progress);
        else if (reply.type === 'done') resolve(reply.result as Parsed[K]);
        else reject(new ParseFailed(reply.type === 'refused' ? reply.code : 'unreadable'));
      });
      worker.addEventListener('error', () => reject(new ParseFailed('unreadable')));
      worker.postMessage({ kind, bytes } satisfies ParseRequest, [bytes]);
    });
  } finally {
    // Each parse gets a fresh worker, ended when done: the memory of a large file goes with it.
    worker.terminate();
  }
}

async function parseInTab<K extends keyof Parsed>(kind: K, bytes: ArrayBuffer, onProgress: (progress: ReadProgress) => void): Promise<Parsed[K]> {
  const xlsx = await loadXlsx();
  try {
    return (kind === 'members' ? await xlsx.parseMemberSheet(bytes, onProgress) : await xlsx.parseOrgSheet(bytes, onProgress)) as Parsed[K];
  } catch (error) {
    throw new ParseFailed(error instanceof xlsx.WorkbookRefused ? error.code : 'unreadable');
  }
}
