/**
 * The address a request came from, for per-client limits and the audit trail (issue 13 E).
 * A forwarded header is a claim anyone can make: it is believed only when the socket peer is
 * one of the host's trusted proxies (`TRUSTED_PROXIES`), and then the right-most address that
 * is not itself a trusted proxy is the client. A host that has no socket peer (an edge
 * runtime, a test calling `app.request`) sits behind its platform's proxy, whose header is
 * the only address there is.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[] = [],
): string | null {
  const hops = (forwardedFor ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  if (!peer) return hops[0] ?? null;
  const direct = normalize(peer);
  if (!trustedProxies.includes(direct)) return direct;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalize(hops[i]!);
    if (!trustedProxies.includes(hop)) return hop;
  }
  return direct;
}

/** `::ffff:127.0.0.1` (IPv4 on a dual-stack socket) is 127.0.0.1. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
