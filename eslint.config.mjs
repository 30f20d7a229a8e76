// ESLint: typescript-eslint's recommended rules over every source, test and script. Formatting is
// Prettier's job and import cycles dpdm's (npm run lint runs all three).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-test/', 'out/', '.e2e/', 'test-artifacts/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // The bins and the bench load CommonJS bundles on purpose (the V8 code cache, engine variants).
    files: ['bin/**/*.js', 'scripts/**/*.ts', 'scripts/bench/*.js', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests stand in for the vscode API and poke at protocol messages: untyped on purpose.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-control-regex': 'off' },
  },
  {
    // The preview page's script runs in the webview, a browser.
    files: ['media/**/*.js'],
    languageOptions: { globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
);
