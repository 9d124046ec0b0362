// typescript-eslint and its helpers (ts-api-utils) need TypeScript's JS API, which TypeScript 7
// (the build's compiler, at the root) no longer has. npm hoists those helpers to the root, where
// `require('typescript')` would find 7: send every such require to this workspace's 5.x.
const Module = require('node:module');
const typescript = require.resolve('typescript');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === 'typescript' ? typescript : request, ...rest);
};
require(require('node:path').join(require.resolve('eslint/package.json'), '../bin/eslint.js'));
