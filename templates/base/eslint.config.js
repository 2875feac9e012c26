// `npm run lint`. Type-aware rules catch what plain JavaScript linting cannot, above all promises
// that nobody awaits. The last blocks are this project's own guards for common mistakes.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Guard for mistake:unhandled-async: a promise must be awaited, returned or handled.
      '@typescript-eslint/no-floating-promises': 'error',
      // …and must not be passed where nobody waits for it (e.g. an async event listener).
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Guard for mistake:hardcoded-config: configuration is read in src/config.ts only.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read settings from `config` (src/config.ts), the only reader of process.env.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['process', 'node:process'].map((name) => ({
            name,
            importNames: ['env'],
            message: 'Read settings from `config` (src/config.ts), the only reader of process.env.',
          })),
        },
      ],
    },
  },
  {
    // Guard for mistake:hardcoded-config: no literal ports or connection strings in app code.
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name="listen"] > Literal.arguments',
          message: 'Listen on `config.port` (PORT), not a port written in the code.',
        },
        {
          selector: 'Literal[value=/^mongodb(\\+srv)?:\\/\\//]',
          message: 'Connect with `config.mongodbUri` (MONGODB_URI), not a URL written in the code.',
        },
        {
          selector: 'TemplateElement[value.raw=/^mongodb(\\+srv)?:\\/\\//]',
          message: 'Connect with `config.mongodbUri` (MONGODB_URI), not a URL written in the code.',
        },
      ],
    },
  },
  {
    // The config module, and the test setup that decides which database the tests use.
    files: ['src/config.ts', 'test/global-setup.ts', 'test/setup.ts'],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-imports': 'off' },
  },
  {
    // Plain JavaScript: this file and the browser code in public/ are not part of the
    // TypeScript project, so type-aware rules are switched off for them.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
