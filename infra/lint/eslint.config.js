import solid from 'eslint-plugin-solid/configs/typescript';
import tseslint from 'typescript-eslint';

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
    // Tests and their fixtures read untyped tRPC answers (JSON): \`any\` there is the honest type.
    files: ['**/*.test.ts', '**/testing/**', '**/*-fixture.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: ['frontends/**/*.tsx'], ...solid },
);
