import type { AccessClaims, AccessKeys } from '@tongxin/auth';
import type { Database } from '@tongxin/db';
import type { MessagingDeps } from '@tongxin/sms';
import type { BlobStore } from '@tongxin/storage';

/** What a service needs from its host: the Node runner, a test, or an edge entry. */
export interface ServiceDeps {
  database: Database;
  keys: AccessKeys;
  /** Injectable clock, so expiry rules are tested without waiting. */
  now: () => Date;
  /** Set cookies with `Secure` (served over https). */
  secureCookies: boolean;
  /** Where people open the links an SMS carries (PUBLIC_URL, else the server's own address). */
  publicUrl?: string;
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); no one's by default. */
  trustedProxies?: readonly string[];
  /** Uploaded files (task evidence); absent where a host offers no storage. */
  blobs?: BlobStore;
  /** The outbound message channel (codes, resets, invitations); absent where a host sends none. */
  messages?: MessagingDeps;
  /**
   * Runs work the answer must not wait for, after the answer (a reset code's SMS, whose cost
   * would tell whether a phone has an account; issue 13 E). The edge host keeps the request
   * alive for it (`waitUntil`); absent, it runs detached (Node). The work handles its own errors.
   */
  defer?: (work: () => Promise<void>) => void;
}

/** Hono bindings: the runner passes `deps` as the fetch handler's env. */
export interface ServiceBindings {
  deps: ServiceDeps;
  /** The socket peer's address, when the host has a socket (Node). */
  peerAddress?: string;
}

// A type alias, not an interface: tRPC's adapter wants an indexable object.
export type Context = {
  deps: ServiceDeps;
  /** Valid access-token claims, or null when the caller is anonymous. */
  claims: AccessClaims | null;
  /** Raw request cookies (identity reads the session cookie). */
  cookies: Record<string, string>;
  /** Response headers, for Set-Cookie. */
  resHeaders: Headers;
  clientIp: string | null;
};
