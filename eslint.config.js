// ESLint (flat config) with typescript-eslint's recommended rules; formatting is Prettier's (.prettierrc.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'bench/results/',
      '.data/',
      '.test-build/',
      'reports/',
      '.stryker-tmp/',
      'test/screenshots/',
      // Generated from docs/openapi.json by `npm run openapi:web`; a test keeps it current.
      'web/src/api/openapi.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      // `_`-prefixed names are deliberately unused (a rest that drops fields, an ignored parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Comments too: Prettier wraps code at 140 but leaves comments as they are. Strings (SQL, messages, test
      // names) may run longer: cut in pieces they read worse.
      'max-len': ['error', { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
    },
  },
  {
    // Browser tests hand functions to page.evaluate, which run in the page on its own untyped globals.
    files: ['test/browser/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', globalThis: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
