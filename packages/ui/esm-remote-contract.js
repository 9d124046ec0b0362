// Plain JavaScript, no Node API: read by the build plugin (esm-remote.js) and by the shell in
// the browser, so both sides name the contract once.

/** The global the shell puts its copies of the shared singletons on before it imports an ESM remote. */
export const SHARED_GLOBAL = '__TONGXIN_SHARED__';

/** What an ESM remote's entry exports as `format`: the shell checks it before calling `get`. */
export const ESM_REMOTE_FORMAT = 'tongxin-esm-remote';
