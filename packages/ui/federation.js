// Plain JavaScript: Vite loads its config with Node, which does not import TypeScript from
// a linked workspace package.
/**
 * Module Federation settings every frontend uses, declared once (style.md §5).
 * Sizes measured in design.md "Probed facts": the shell provides the federation runtime
 * to the remotes, which then do not bundle it again.
 */
export const shared = {
  'solid-js': { singleton: true, requiredVersion: '^1.9.0' },
  // These hold page-wide state (the locale signal; the session refresh and its listeners),
  // so there must be exactly one copy on the page.
  '@tongxin/i18n': { singleton: true, requiredVersion: '*' },
  '@tongxin/api-client': { singleton: true, requiredVersion: '*' },
};

/** @param {string} name */
export function hostFederation(name) {
  return {
    name,
    remotes: {},
    shared,
    dts: false,
    disableSnapshot: true,
    experiments: { provideExternalRuntime: true },
  };
}

/** @param {string} name */
export function remoteFederation(name) {
  return {
    name,
    filename: 'remoteEntry.js',
    exposes: { './App': './src/app.tsx' },
    shared,
    dts: false,
    disableRemote: true,
    disableSnapshot: true,
    experiments: { externalRuntime: true },
  };
}
