import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Features do not import each other (docs/design.md, "Layers"): one block per folder under
// src/features forbids the other folders' names after any run of '../', and any path through
// 'features/' (the way back in from src). Shared pieces live in src/components or src/lib; the
// route passes one feature's component to another as a prop.
const features = readdirSync(`${import.meta.dirname}/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const featureZones = features.map((name) => ({
  files: [`src/features/${name}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: `^(\\.\\./)+(${features.filter((other) => other !== name).map(escapeRegex).join('|')})(/|$)`,
            message: `src/features/${name} may not import another feature: move what they share to src/components or src/lib, or pass it in from the route.`,
          },
          {
            regex: '(^|/)(features|app)(/|$)',
            message: `src/features/${name} may not import through src/features or from src/app.`,
          },
        ],
      },
    ],
  },
}));

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
  ...featureZones,
  {
    // Shared UI and browser helpers sit below the features and the routes.
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)(features|app)(/|$)', message: 'src/components and src/lib may not import a feature or src/app.' }] },
      ],
    },
  },
  {
    files: ['src/rp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/app/**', '**/features/**', '**/components/**', '**/lib/**', 'react*'] }],
    },
  },
  {
    // One order for imports everywhere (fixable: npx eslint . --fix): side effects, node:, packages, then relative paths.
    files: ['**/*.{js,ts,tsx}'],
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': ['error', { groups: [['^\\u0000', '^node:', '^@?\\w', '^', '^\\.']] }],
      'simple-import-sort/exports': 'error',
    },
  },
);
