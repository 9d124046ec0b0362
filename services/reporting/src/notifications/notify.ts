import type { Tx } from '@tongxin/db';
import { renderNotice, type Notice, type NoticeParams } from '@tongxin/i18n/notices';
import { notifications } from '../schema.ts';
import type { OutboundMessage } from './outbound-channel.ts';

/** What a message says: a notice code and its parameters, never words (each reader's language renders them). */
export type NoticeMessage = { [N in Notice]: { notice: N; params: NoticeParams[N] } }[Notice];

export type NotifyInput = NoticeMessage & {
  tenantId: string;
  userId: string;
  /** reminder, acknowledgement, checkin_decision, reply, … (the inbox's label) */
  kind: string;
  /** The words a person wrote (a reason, a comment), shown as written. */
  body?: string | null;
  /** What it is about, for a link in the UI. */
  subject?: { type: string; id: string } | null;
  /** One message per cause: a second write with the same key is a no-op. */
  dedupeKey?: string | null;
  /** Official notices cannot be turned off and also go to the tenant's outbound channel. */
  official?: boolean;
  /** When it happened (the procedure's clock); the database's now() otherwise. */
  at?: Date;
};

export interface NotifyResult {
  /** False when the dedupe key had already been used: nothing was written. */
  created: boolean;
  /** For an official notice just created: hand it to `deliverOutbound` after commit. */
  outbound: OutboundMessage | null;
}

/**
 * Puts a message in a user's in-app inbox, in the caller's transaction. The writer (a
 * secretary answering) may not read the recipient's inbox, and PostgreSQL checks the new
 * row against the read policy for RETURNING: so none, and the driver's row count says
 * whether it inserted.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<NotifyResult> {
  const result = await tx
    .insert(notifications)
    .values({
      tenantId: input.tenantId,
      userId: input.userId,
      kind: input.kind,
      notice: input.notice,
      params: input.params,
      body: input.body ?? null,
      subject: input.subject ?? null,
      dedupeKey: input.dedupeKey ?? null,
      official: input.official ?? false,
      ...(input.at ? { createdAt: input.at } : {}),
    })
    // No conflict target: naming one needs SELECT on its columns, which applies the read
    // policy to the new row. The only unique key a new row can hit is the dedupe key.
    .onConflictDoNothing();
  const created = insertedRows(result) > 0;
  const outbound = created && input.official ? { tenantId: input.tenantId, userId: input.userId, kind: input.kind, text: outboundText(input) } : null;
  return { created, outbound };
}

/** An SMS goes out in Chinese: the notice's words, then the person's. */
function outboundText(input: NotifyInput): string {
  const said = renderNotice('zh-CN', input.notice, input.params);
  return [said?.title, input.body ?? said?.detail].filter(Boolean).join('：');
}

/** node-postgres and the Neon Pool say `rowCount`, PGlite `affectedRows`. */
function insertedRows(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}
