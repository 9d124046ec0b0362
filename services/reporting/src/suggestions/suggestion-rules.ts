import type { SuggestionStatus } from '../schema.ts';

export const SUGGESTION_CATEGORIES = ['industry', 'village_affairs', 'public_welfare', 'other'] as const;

/**
 * received → adopted → in_progress → done (issue 6), or declined with an answer before the
 * work is under way. Each status is reached at most once, so "adopted" is recorded once.
 */
export const NEXT_STATUSES: Record<SuggestionStatus, readonly SuggestionStatus[]> = {
  received: ['adopted', 'declined'],
  adopted: ['in_progress', 'declined'],
  in_progress: ['done'],
  done: [],
  declined: [],
};

/**
 * The org path a suggestion is addressed to: the part of the member's own branch path that
 * ends at `toOrgId` (their branch or an ancestor: the home branch, township, …), or null when
 * the org is not on the member's path.
 */
export function pathTo(memberPath: string, toOrgId: string): string | null {
  const at = memberPath.indexOf(`/${toOrgId}/`);
  return at === -1 ? null : memberPath.slice(0, at + toOrgId.length + 2);
}
