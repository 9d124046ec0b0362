/**
 * The address a request came from, for per-client limits and the audit trail (issue 13 E).
 * A forwarded header is a claim anyone can make: it is believed only when the socket peer is
 * one of the host's trusted proxies (`TRUSTED_PROXIES`), and then the right-most address that
 * is not itself a trusted proxy is the client. Without a peer address (a host that passes
 * none, an edge host whose platform vouched for no address) nothing is believed: the answer
 * is null, which the throttles count under one shared "unknown" key.
 *
 * An edge host passes as the peer the address its platform sets and a client cannot forge
 * (Cloudflare's `CF-Connecting-IP`, `infra/edge/src/edge-handler.ts`), never the left-most
 * X-Forwarded-For entry, which the client writes.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[] = [],
): string | null {
  if (!peer) return null;
  const direct = normalize(peer);
  if (!trustedProxies.includes(direct)) return direct;
  const hops = (forwardedFor ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
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
