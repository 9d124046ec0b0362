import type { MessageKey } from '@tongxin/i18n';
import type { Session } from './session.ts';

/** The views the shell composes; each is the remote of the same name, for the role of that name. */
export const views = [
  { name: 'member', path: '/member', label: 'nav.member' },
  { name: 'secretary', path: '/secretary', label: 'nav.secretary' },
  { name: 'department', path: '/department', label: 'nav.department' },
] as const satisfies readonly { name: string; path: string; label: MessageKey }[];

export type View = (typeof views)[number];

export function allowedViews(session: Session): View[] {
  return views.filter((view) => session.roles.some((grant) => grant.role === view.name));
}
