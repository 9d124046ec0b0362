import * as apiClient from '@tongxin/api-client';
import * as i18n from '@tongxin/i18n';
import * as solid from 'solid-js';
import * as solidWeb from 'solid-js/web';

/**
 * The shell's own copies of the shared singletons (packages/ui/federation.js `hostShared`),
 * which the federation runtime (src/federation.ts) provides to the remotes. Kept apart and
 * passed in by the remote view, so the namespaces are built once in the main chunk and the
 * lazily loaded runtime chunk does not re-import every export of solid-js one by one.
 */
export const sharedModules: Record<string, object> = {
  'solid-js': solid,
  'solid-js/web': solidWeb,
  '@tongxin/i18n': i18n,
  '@tongxin/api-client': apiClient,
};
