import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { layersPlugin } from './scripts/eslint-layers.mjs';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-main',
      'release',
      'test-results',
      'playwright-report',
      '.sync-server-data',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Layering (DESIGN §7): main never reaches into the renderer; domain code does no I/O.
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-renderer/**'], message: 'src-main must not import the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/*', '!**/src-main/preload-api'],
              message: 'The renderer reaches main only through the preload API.',
            },
          ],
        },
      ],
    },
  },
  {
    // Who may import whom inside the renderer and the server (scripts/eslint-layers.mjs).
    files: ['src-renderer/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { outpost: layersPlugin },
    rules: { 'outpost/layers': 'error' },
  },
  {
    // One roles module (core/roles.ts): a role spelled anywhere else drifts from the server's rules.
    files: ['src-renderer/**/*.{ts,tsx}', 'server/**/*.ts'],
    ignores: [
      'src-renderer/core/roles.ts',
      '**/*.test.{ts,tsx}',
      '**/testing/**',
      'server/test-*.ts',
      'server/*-test-kit.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Literal[value='hq']", message: 'Use ROLES.headOffice from core/roles.ts.' },
        {
          selector: "Literal[value='_admin']",
          message: 'Use SERVER_ADMIN_ROLE from core/roles.ts.',
        },
        {
          selector: 'Literal[value=/^branch:[A-Z]/]',
          message: 'Use branchRole() from core/roles.ts.',
        },
        {
          selector: "TemplateElement[value.raw='branch:']",
          message: 'Use branchRole() from core/roles.ts.',
        },
      ],
    },
  },
);
