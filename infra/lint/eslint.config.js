import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import solid from 'eslint-plugin-solid/configs/typescript';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const folders = (path) => readdirSync(path, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const SERVICES = folders(`${root}/services`);
/** Folders of a view that are not features: the frame and what every feature may use. */
const NOT_FEATURES = new Set(['app', 'shared', 'parts']);

/**
 * A view's features import only their own files, `app/` and `shared/`: a helper two features
 * need gets a home in shared/ (issue 14). One block per feature, naming the others.
 */
function featureBoundaries() {
  return folders(`${root}/frontends`).flatMap((view) => {
    const features = folders(`${root}/frontends/${view}/src`).filter((name) => !NOT_FEATURES.has(name));
    return features.map((feature) => ({
      files: [`frontends/${view}/src/${feature}/**/*.{ts,tsx}`],
      ignores: EXCEPTIONS[`${view}/${feature}`] ?? [],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: features.filter((other) => other !== feature).map((other) => ({
            group: [`../${other}/*`, `../../${other}/*`, `../../../${other}/*`],
            message: `${feature}/ may not reach into ${other}/: move what both need to shared/.`,
          })),
        }],
      },
    }));
  });
}

/** Known crossings, each with its reason; keep this list short. */
const EXCEPTIONS = {
  // The tree page hosts the department's org import, whose reader and report are excel/'s.
  'secretary/tree': ['frontends/secretary/src/tree/tree-page.tsx'],
  // The setup wizard's steps are the other pages' forms (the check-in fields), composed in order.
  'department/setup': ['frontends/department/src/setup/link-steps.tsx'],
};

export default tseslint.config(
  { basePath: '../..' },
  { ignores: ['**/node_modules/**', '**/dist/**', '**/drizzle/**', '**/test-results/**', '**/playwright-report/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.base],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Tests and their fixtures read untyped tRPC answers (JSON): `any` there is the honest type.
    files: ['**/*.test.ts', '**/testing/**', '**/*-fixture.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Packages are below services: they may name a router's type (the API client), never its code.
    files: ['packages/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: SERVICES.map((s) => `@tongxin/${s}`).concat(SERVICES.map((s) => `@tongxin/${s}/*`)), allowTypeImports: true, message: 'a package may not import a service' }],
      }],
    },
  },
  ...featureBoundaries(),
  { files: ['frontends/**/*.tsx'], ...solid },
);
