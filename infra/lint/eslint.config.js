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
  { files: ['frontends/**/*.tsx'], ...solid },
);
