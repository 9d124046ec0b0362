import { m, type CheckinMessageKey } from './messages.ts';

const tone: Record<string, string> = {
  pending: 'badge-wait', returned: 'badge-wait', accepted: 'badge-ok', refused: 'badge-bad', ended: 'badge-off', withdrawn: 'badge-off',
};

export function StatusBadge(props: { status: string }) {
  return <span class={`badge ${tone[props.status] ?? 'badge-off'}`}>{m(`status.${props.status}` as CheckinMessageKey) ?? props.status}</span>;
}
