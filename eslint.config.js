// Type-aware lint for every TypeScript file; zero warnings are allowed (`--max-warnings 0`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const GUARDED_FETCH = 'Outbound HTTP goes through createGuardedFetcher (packages/core/src/fetch/).';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  // Only the guarded fetcher (packages/core/src/fetch/) performs outbound HTTP: no other source
  // imports an HTTP client or calls the global fetch. Tests and e2e/ may (loopback servers).
  {
    files: ['**/*.ts'],
    ignores: ['packages/core/src/fetch/**', '**/*.test.ts', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            'node:http',
            'http',
            'node:https',
            'https',
            'node:http2',
            'http2',
            'node:tls',
            'tls',
            'undici',
            'node-fetch',
            'axios',
            'got',
            'ky',
          ].map((name) => ({
            name,
            allowTypeImports: true,
            message: GUARDED_FETCH,
          })),
          patterns: [
            {
              group: ['undici/*'],
              message: GUARDED_FETCH,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        {
          name: 'fetch',
          message: GUARDED_FETCH,
        },
      ],
      'no-restricted-properties': [
        'error',
        ...['globalThis', 'global', 'window', 'self'].map((object) => ({
          object,
          property: 'fetch',
          message: GUARDED_FETCH,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'ImportExpression[source.value=/^(node:)?(https?|http2|tls)$|^(undici|node-fetch|axios|got|ky)(\\u002F|$)/]',
          message: GUARDED_FETCH,
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
      },
    },
  },
  // The web app's progressive-enhancement scripts run in the browser (modules, no build step).
  {
    files: ['packages/web/assets/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'navigator',
          'location',
          'fetch',
          'FormData',
          'URL',
          'URLSearchParams',
          'FileReader',
          'Blob',
          'TextEncoder',
          'TextDecoder',
          'atob',
          'btoa',
          'console',
          'setTimeout',
          'clearTimeout',
          'PublicKeyCredential',
          'HTMLElement',
          'HTMLInputElement',
          'Event',
          'CustomEvent',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
);
