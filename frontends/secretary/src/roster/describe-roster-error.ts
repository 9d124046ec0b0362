import { errorKind } from '@tongxin/api-client';
import { ID_CARD_LOOKUPS_PER_HOUR } from '@tongxin/ledger';
import { describeError } from '@tongxin/ui';
import { m } from '../messages.ts';

// The stable refusals of the shared level-above check (@tongxin/trpc's decides-about-oneself):
// the server's words, which this view shows in the user's language.
const LEVEL_ABOVE = /^(Nobody decides about themself|A secretary or deputy is decided about by the level above)/;

/**
 * A failed roster call in words: the hourly limit on ID-card lookups (issue 13 B) and the
 * refusal to decide about one's own record (issue 13 C) say what happened; the rest as usual.
 */
export function describeRosterError(error: unknown): string {
  const kind = errorKind(error);
  if (kind === 'TOO_MANY_REQUESTS') return m('roster.idCardLimit', { limit: ID_CARD_LOOKUPS_PER_HOUR });
  if (kind === 'FORBIDDEN' && LEVEL_ABOVE.test((error as { message?: string } | null)?.message ?? '')) return m('member.levelAbove');
  return describeError(error);
}
