import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The wizard's step folders, one per step on screen. */
const STEP_FOLDERS = [
  'choose-file',
  'check-rows',
  'match-columns',
  'review-rows',
  'settings',
  'sending',
  'result',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-e2e-*',
      'test-reports',
      'node_modules',
      'test-results',
      'playwright-report',
      '.sandbox',
      'bench/data',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Scrollable regions must be focusable so keyboard users can scroll them (axe).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
    },
  },
  // Walls between rooms: each step folder of the wizard is its own; what several steps use
  // lives in src/wizard/shared (or beside the wizard shell). Only the shell (wizard.tsx) puts the
  // steps together.
  ...STEP_FOLDERS.map((step) => ({
    files: [`src/wizard/${step}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: STEP_FOLDERS.filter((other) => other !== step).map((other) => ({
            group: [`../${other}`, `../${other}/*`, `**/wizard/${other}/*`],
            message: `A step does not reach into another step's folder (${other}): move what both use to src/wizard/shared.`,
          })),
        },
      ],
    },
  })),
  {
    // The engine, the worker and the API calls know nothing of the screens.
    files: ['src/worker/**/*.ts', 'src/submission/**/*.ts', 'src/api/**/*.ts', 'src/proxy/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/wizard', '**/wizard/*', '**/app/*'],
              message: 'The worker, the engine, the API calls and the proxy never import the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    // The sandbox stands for Whispir: it shares only the pure domain and the configuration.
    files: ['sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/*', '!**/src/domain', '!**/src/config'],
              message: 'The sandbox imports only src/domain and src/config.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is pure: no React, no DOM, nothing from the app's other layers.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react-*', '@tanstack/*', '@dnd-kit/*'],
              message: 'src/domain is pure TypeScript.',
            },
            {
              group: ['**/app/**', '**/wizard/**', '**/api/**', '**/worker/**', '**/components/**'],
              message: 'src/domain imports nothing from the app layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
);
