/** Logs in through identity and returns the cookies (session and access token) for later requests. */
export async function logIn(base: string, account: { tenantId: string; username: string; password: string }): Promise<string> {
  const response = await fetch(`${base}/api/identity/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tongxin-request': '1' },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
