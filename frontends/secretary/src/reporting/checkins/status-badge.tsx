import { t, type CheckinsMessageKey } from './messages.ts';

const TONE: Record<string, string> = { accepted: 'badge-good', pending: 'badge-warn', returned: 'badge-warn', refused: 'badge-bad' };

/** A check-in's status in words (not colour alone). */
export function CheckinStatusBadge(props: { status: string }) {
  return <span class={`badge ${TONE[props.status] ?? ''}`}>{t(`status.${props.status}` as CheckinsMessageKey) ?? props.status}</span>;
}
