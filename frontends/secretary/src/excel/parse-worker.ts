// Parses an uploaded workbook off the secretary's tab (issue 13 G: a hostile file froze it for
// 84 s and took 4 GB). Loaded with `new Worker(new URL(…), { type: 'module' })`, which Vite
// emits as a file of this remote, so the CSP's same-origin `worker-src` allows it.
import { parseMemberSheet, parseOrgSheet, WorkbookRefused, type ReadProgress } from '@tongxin/ledger/xlsx';
import type { ParseReply, ParseRequest } from './parse-messages.ts';

const reply = (message: ParseReply) => self.postMessage(message);

self.addEventListener('message', async (event: MessageEvent<ParseRequest>) => {
  const { kind, bytes } = event.data;
  let last = 0;
  const onProgress = (progress: ReadProgress) => {
    // At most ~10 messages a second: the page only moves a bar.
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    reply({ type: 'progress', progress });
  };
  try {
    const result = kind === 'members' ? await parseMemberSheet(bytes, onProgress) : await parseOrgSheet(bytes, onProgress);
    reply({ type: 'done', result } as ParseReply);
  } catch (error) {
    reply(error instanceof WorkbookRefused ? { type: 'refused', code: error.code } : { type: 'unreadable' });
  }
});
