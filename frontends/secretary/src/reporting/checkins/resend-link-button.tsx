import { Show } from 'solid-js';
import { reporting } from '@tongxin/api-client';
import { ErrorNotice, createAction, problemMessage } from '@tongxin/ui';
import type { HomeCheckin } from './checkin-api.ts';
import { t } from './messages.ts';

/**
 * The home branch sends an organization outside Tongxin a new confirmation link (issue 17):
 * lost or expired, the old one stops working. The server allows one a minute per check-in.
 */
export function ResendLinkButton(props: { checkin: HomeCheckin; onSent: (text: string) => void }) {
  const resend = createAction((checkinId: string, idempotencyKey: string) => reporting.checkins.resendLink.mutate({ checkinId, idempotencyKey }));
  async function send() {
    if (await resend.run(props.checkin.id)) props.onSent(t('resent', { name: props.checkin.outsideContactName ?? '' }));
  }
  return (
    <>
      <button type="button" class="secondary" disabled={resend.pending()} aria-busy={resend.pending()} onClick={send}>
        {resend.pending() ? t('resending') : t('resend')}
      </button>
      <Show when={resend.error()}>{(error) => <ErrorNotice message={problemMessage(error())} />}</Show>
    </>
  );
}
