import type { Profile } from '../profile.ts';
import { m } from './messages.ts';

export interface Target {
  orgId: string;
  label: string;
}

/** Where a suggestion may go: the home branch and its township (the server checks both are on the member's path). */
export function targetsOf(me: Profile): Target[] {
  const targets: Target[] = [{ orgId: me.branchId, label: m('toBranch', { name: me.branch }) }];
  if (me.townshipId && me.township) targets.push({ orgId: me.townshipId, label: m('toTownship', { name: me.township }) });
  return targets;
}
