/**
 * The fetch every tRPC call goes through. It adds the header the services require on
 * every request (their cross-site defence refuses POSTs without it) and keeps the session
 * alive: the access cookie lives 60 seconds, so an UNAUTHORIZED answer (HTTP 401) is met
 * with one `auth.refresh` (which re-mints it from the session cookie) and one retry.
 */
const identityBase = '/api/identity/trpc';
// The public pages' calls (activation, reset, invitation, first operator) answer UNAUTHORIZED
// for details that do not match: that is the answer to show, not a session to refresh.
const noRefreshPaths = [
  'auth.login', 'auth.refresh', 'auth.logout',
  'activation.check', 'activation.redeem', 'passwordReset.request', 'passwordReset.complete',
  'invitations.check', 'invitations.accept', 'setup.check', 'setup.complete',
];

type Listener = () => void;
const sessionEndedListeners = new Set<Listener>();

/** Called when a request was refused and the session could not be refreshed. */
export function onSessionEnded(listener: Listener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

function send(url: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  headers.set('x-tongxin-request', '1');
  return fetch(url, { ...init, headers, credentials: 'same-origin' });
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: parallel 401s wait for the same answer. Network errors propagate. */
function refreshSession(): Promise<boolean> {
  refreshing ??= send(`${identityBase}/auth.refresh`, { method: 'POST', headers: { 'content-type': 'application/json' } })
    .then((response) => response.ok)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function procedurePath(url: RequestInfo | URL): string {
  const href = typeof url === 'string' ? url : url instanceof URL ? url.href : url.url;
  return href.split('?')[0]!.split('/').pop() ?? '';
}

export async function sessionFetch(url: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await send(url, init);
  if (response.status !== 401 || noRefreshPaths.includes(procedurePath(url))) return response;
  if (await refreshSession()) {
    const retried = await send(url, init);
    if (retried.status !== 401) return retried;
  }
  for (const listener of sessionEndedListeners) listener();
  return response;
}
