import { createSignal } from 'solid-js';
import { identity, onSessionEnded, setCurrentAccount } from '@tongxin/api-client';
import { currentLocation, navigate, pathname } from './navigation.tsx';

export type Session = Awaited<ReturnType<typeof identity.auth.me.query>>;

const [session, setSessionSignal] = createSignal<Session | null>(null);

/** Whose data a person's offline copies are kept under (`@tongxin/offline`). */
const accountOf = (current: Session) => `${current.tenantId}:${current.user.id}`;
const KEPT_SESSION = 'tongxin.session';

/**
 * The session the page acts for. A live one is also kept in this browser, so that offline
 * (no answer from `auth.me`) the member still sees their view from what the phone kept
 * (issue 18); `null` forgets it. The remotes read whose it is from `currentAccount()`.
 */
function setSession(next: Session | null) {
  setSessionSignal(next);
  setCurrentAccount(next ? accountOf(next) : null);
  try {
    if (next) localStorage.setItem(KEPT_SESSION, JSON.stringify(next));
    else localStorage.removeItem(KEPT_SESSION);
  } catch {
    // Storage refused (a private window): offline use is lost, nothing else.
  }
}

/** The session kept from the last time the server confirmed it: what an offline start acts for. */
export function keptSession(): Session | null {
  try {
    const kept = localStorage.getItem(KEPT_SESSION);
    return kept ? (JSON.parse(kept) as Session) : null;
  } catch {
    return null;
  }
}

/** Acts for the kept session until the server answers (or, offline, until it can be asked). */
export function actForKeptSession(kept: Session) {
  setSessionSignal(kept);
  setCurrentAccount(accountOf(kept));
}
/** True when a session the user had ended under them (shown once on the login page). */
const [sessionEnded, setSessionEnded] = createSignal(false);
/** What a public page says on arriving logged in (activated, password reset), shown once above the view. */
const [arrivalNotice, setArrivalNotice] = createSignal<string | null>(null);
export { session, setSession, sessionEnded, setSessionEnded, arrivalNotice, setArrivalNotice };

/** Sends the user to log in, remembering where they were so login brings them back. */
export function goToLogin() {
  if (pathname() === '/login') return;
  navigate(`/login?next=${encodeURIComponent(currentLocation())}`, { replace: true });
}

/** Only a path of this site, never another origin (`//host`) or the login page itself. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

// Any call that stayed UNAUTHORIZED after a refresh (api-client) ends the session here.
onSessionEnded(() => {
  if (session()) setSessionEnded(true);
  setSession(null);
  goToLogin();
});

export async function logOut() {
  const leaving = session();
  try {
    await identity.auth.logout.mutate();
  } finally {
    // Even offline the page forgets the user; the route check asks the server again anyway.
    setSession(null);
    setSessionEnded(false);
    // Nothing of theirs stays on the phone for the next person: queued writes, kept answers (issue 18).
    // (IndexedDB's code is fetched then: it is not on the login page's first load.)
    if (leaving) await import('@tongxin/offline').then((offline) => offline.forgetAccount(accountOf(leaving))).catch(() => undefined);
  }
}
