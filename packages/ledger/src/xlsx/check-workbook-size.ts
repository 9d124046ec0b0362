/**
 * Limits a spreadsheet must meet before exceljs parses it. exceljs inflates the whole zip and
 * builds every row in memory: a 400 KB file that expands to a 400 MB string took 1.4 GB of a
 * secretary's browser tab, a 23 MB file of 2 million rows 84 s and 4.35 GB (issue 13 G).
 */

/** A county's roster of ≤ 10,000 members fits in ~2 MB; 5 MB leaves room for styled sheets. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The unzipped parts together: sheet XML runs ~10× its compressed size; more is a zip bomb. */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Rows in any one sheet: a county has ≤ 10,000 members, so twice that is never a real roster. */
export const MAX_ROWS = 20_000;

export type WorkbookRefusal = 'file_too_large' | 'expands_too_large' | 'too_many_rows' | 'not_xlsx';

/** The file is refused before (or instead of) being parsed; nothing of it is imported. */
export class WorkbookRefused extends Error {
  constructor(readonly code: WorkbookRefusal, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'WorkbookRefused';
  }
}

export interface CheckProgress {
  /** Bytes inflated so far, of `total` declared by the zip's central directory. */
  done: number;
  total: number;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARKER = 0xffffffff;

/** The central directory's entries (an .xlsx is a zip), without inflating anything. */
function listEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new WorkbookRefused('not_xlsx', 'no zip directory');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new WorkbookRefused('not_xlsx', 'a broken zip directory');
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    // ZIP64 sizes (≥ 4 GB) are never a spreadsheet we accept.
    if (entry.uncompressedSize === ZIP64_MARKER || entry.compressedSize === ZIP64_MARKER) throw new WorkbookRefused('expands_too_large', entry.name);
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
const ROW_TAG = [0x3c, 0x72, 0x6f, 0x77]; // "<row"

/** Counts "<row" followed by a space or ">" across chunks (a tag may straddle two). */
function rowCounter() {
  let matched = 0;
  let rows = 0;
  return {
    feed(chunk: Uint8Array) {
      for (const byte of chunk) {
        if (matched === ROW_TAG.length) {
          if (byte === 0x20 || byte === 0x3e || byte === 0x2f) rows++;
          matched = 0;
        }
        if (byte === ROW_TAG[matched]) matched++;
        else matched = byte === ROW_TAG[0] ? 1 : 0;
      }
    },
    get rows() {
      return rows;
    },
  };
}

/**
 * Refuses a file over the limits before anything parses it: its size, the uncompressed sizes
 * its zip directory declares, and (since a directory can lie) the bytes each part really
 * inflates to, counted while streaming and stopped at the limit, with the rows of each sheet.
 */
export async function checkWorkbookSize(bytes: Uint8Array, onProgress?: (progress: CheckProgress) => void): Promise<void> {
  if (bytes.length > MAX_FILE_BYTES) throw new WorkbookRefused('file_too_large', `${bytes.length} bytes`);
  const entries = listEntries(bytes);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > MAX_UNCOMPRESSED_BYTES) throw new WorkbookRefused('expands_too_large', `${declared} bytes declared`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let inflated = 0;
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw new WorkbookRefused('not_xlsx', 'a broken zip entry');
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    const counter = isSheet(entry.name) ? rowCounter() : null;
    const count = (chunk: Uint8Array) => {
      inflated += chunk.length;
      if (inflated > MAX_UNCOMPRESSED_BYTES) throw new WorkbookRefused('expands_too_large', `${entry.name} inflates past the limit`);
      counter?.feed(chunk);
      if (counter && counter.rows > MAX_ROWS) throw new WorkbookRefused('too_many_rows', `${entry.name} has more than ${MAX_ROWS} rows`);
      onProgress?.({ done: Math.min(inflated, declared), total: declared });
    };
    if (entry.method === 0) count(data);
    else if (entry.method === 8) await inflate(data, count);
    else throw new WorkbookRefused('not_xlsx', `compression method ${entry.method}`);
  }
}

/** Streams raw deflate through the platform's decompressor (browsers and Node ≥ 18), chunk by chunk. */
async function inflate(data: Uint8Array, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onChunk(value);
    }
  } catch (error) {
    if (error instanceof WorkbookRefused) throw error;
    throw new WorkbookRefused('not_xlsx', 'a part does not inflate');
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
