import type { MiddlewareHandler } from 'hono';

/**
 * The origins of the remotes that are served from elsewhere. A relative url (the default
 * `/remotes/<name>/remoteEntry.js`) is the host's own origin, already `'self'`; a url that
 * is not http(s) is left out, so an edited remotes.json cannot widen the policy with
 * `data:`, a wildcard or a keyword.
 */
export function remoteOrigins(urls: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const url of urls) {
    if (!/^https?:\/\//i.test(url)) continue;
    try {
      origins.add(new URL(url).origin);
    } catch {
      // Not a url: that remote fails to load, and the policy stays as narrow as it was.
    }
  }
  return [...origins];
}

/**
 * The policy of every page: scripts only from this origin and the remotes' (no inline
 * script: the built shell has none, and Vite puts its entry and module preloads in files).
 * Styles allow `'unsafe-inline'` because the remotes render their styles as `<style>`
 * elements (Solid components: `department-styles.tsx`, `task-styles.tsx`, …) and the shell's
 * public forms do too; an injected style cannot run script, and the rest of the policy is
 * what stops script injection.
 */
export function contentSecurityPolicy(origins: readonly string[]): string {
  const remotes = origins.map((origin) => ` ${origin}`).join('');
  return [
    `default-src 'self'`,
    `script-src 'self'${remotes}`,
    `style-src 'self' 'unsafe-inline'${remotes}`,
    // QR codes (data:) and photo previews before upload (blob:).
    `img-src 'self' data: blob:${remotes}`,
    `font-src 'self'${remotes}`,
    // The federation runtime fetches the remotes' manifests and chunks.
    `connect-src 'self'${remotes}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/**
 * Puts the Content-Security-Policy on every HTML answer (the shell's page for every client
 * route, any HTML of a remote's folder). `remoteUrls` is asked per HTML answer, so editing
 * remotes.json and reloading takes effect like the remote switch itself (issue 4).
 * The other security headers (nosniff, Referrer-Policy) are on every answer already,
 * from `secureHeaders` in platform-app.ts.
 */
export function htmlContentSecurityPolicy(options: { remoteUrls: () => Promise<readonly string[]> }): MiddlewareHandler {
  return async function htmlContentSecurityPolicy(c, next) {
    await next();
    if (!c.res.headers.get('content-type')?.toLowerCase().startsWith('text/html')) return;
    c.header('content-security-policy', contentSecurityPolicy(remoteOrigins(await options.remoteUrls())));
  };
}
