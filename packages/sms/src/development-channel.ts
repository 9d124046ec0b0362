import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MessageChannel, OutboundSms, SmsKind } from './message-channel.ts';
import { renderSms } from './render-sms.ts';

/** One line of the development channel's message log. */
export type LoggedMessage = {
  at: string;
  tenantId: string;
  phone: string;
  kind: SmsKind;
  params: Record<string, string>;
  text: string;
};

/**
 * The default channel (issue 12: "the development channel stays the default"): each message
 * is appended as one JSON line to a message log file. That file is the only place a code or
 * a link may appear; the console gets the kind and the tenant, never the phone or the text.
 */
export function developmentChannel(logFile: string): MessageChannel {
  return {
    async send(message) {
      const line: LoggedMessage = {
        at: new Date().toISOString(),
        tenantId: message.tenantId,
        phone: message.phone,
        kind: message.kind,
        params: message.params,
        text: renderSms(message),
      };
      await mkdir(dirname(logFile), { recursive: true });
      // One write per line with O_APPEND: concurrent sends do not interleave their lines.
      await appendFile(logFile, `${JSON.stringify(line)}\n`, { encoding: 'utf8', mode: 0o600 });
      console.info(`messages: ${message.kind} message for tenant ${message.tenantId} written to the development message log`);
      return { provider: 'development', status: 'sent' };
    },
  };
}

/**
 * The last message the development channel wrote to a phone (of a kind, optionally in a
 * tenant), or null: how tests and journeys read the code a person would have received.
 */
export async function readMessageLog(
  logFile: string,
  match: Pick<OutboundSms, 'phone' | 'kind'> & { tenantId?: string },
): Promise<LoggedMessage | null> {
  let text: string;
  try {
    text = await readFile(logFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  for (let i = lines.length - 1; i >= 0; i--) {
    const entry = JSON.parse(lines[i]!) as LoggedMessage;
    if (entry.phone !== match.phone || entry.kind !== match.kind) continue;
    if (match.tenantId !== undefined && entry.tenantId !== match.tenantId) continue;
    return entry;
  }
  return null;
}
