import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'data', '.screenshots', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/{app,features,components,lib}/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The browser may import only types from the relying party.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/rp/**', '@/rp/**'], allowTypeImports: true, message: 'The SPA may import only types from src/rp.' }] },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', '**/rp/**', '**/app/**', '**/features/**', '**/lib/**', 'react*'] }],
    },
  },
  {
    // The simulated devices' core runs in the browser and in Node: WebCrypto only, no DOM, no Node modules.
    files: ['testkit/core/**/*.ts'],
    ignores: ['testkit/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', '**/src/**', '**/browser/**', 'react*', '@playwright/*'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'Buffer', 'process'],
    },
  },
  {
    files: ['src/rp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/app/**', '**/features/**', '**/components/**', '**/lib/**', 'react*'] }],
    },
  },
);
