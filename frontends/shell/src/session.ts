import { createSignal } from 'solid-js';
import { identity, onSessionEnded } from '@tongxin/api-client';
import { currentLocation, navigate, pathname } from './navigation.tsx';

export type Session = Awaited<ReturnType<typeof identity.auth.me.query>>;

const [session, setSession] = createSignal<Session | null>(null);
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
  try {
    await identity.auth.logout.mutate();
  } finally {
    // Even offline the page forgets the user; the route check asks the server again anyway.
    setSession(null);
    setSessionEnded(false);
  }
}
