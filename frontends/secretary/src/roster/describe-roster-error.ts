import { errorKind, errorReason } from '@tongxin/api-client';
import { ID_CARD_LOOKUPS_PER_HOUR } from '@tongxin/ledger';
import { describeError } from '@tongxin/ui';
import { m } from '../messages.ts';


/**
 * A failed roster call in words: the hourly limit on ID-card lookups (issue 13 B) and the
 * refusal to decide about one's own record (issue 13 C) say what happened; the rest as usual.
 */
export function describeRosterError(error: unknown): string {
  const kind = errorKind(error);
  if (kind === 'TOO_MANY_REQUESTS') return m('roster.idCardLimit', { limit: ID_CARD_LOOKUPS_PER_HOUR });
  const reason = errorReason(error)?.code;
  if (reason === 'decides_about_oneself' || reason === 'level_above_decides') return m('member.levelAbove');
  return describeError(error);
}
