import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Each workspace package may import only what its package.json allows (see ../shared/STYLE.md).
const forbiddenImports = {
  prisma: ['@pantau/server', '@pantau/widgets', '@pantau/schema', '@pantau/test'],
  server: ['@pantau/widgets', '@pantau/test'],
  widgets: ['@pantau/server', '@pantau/prisma', '@pantau/test'],
  schema: ['@pantau/server', '@pantau/prisma', '@pantau/widgets', '@pantau/test'],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'prisma/generated/**', 'schema/generated/**', '**/dist/**', 'widgets/releases/**', 'data/**', 'scratch/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Browser code: the widgets and the demo page's script.
    files: ['widgets/src/**/*.ts', 'widgets/demo/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests read untyped GraphQL JSON responses; typing every response shape would add nothing there.
    files: ['**/*.test.ts', 'server/src/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...Object.entries(forbiddenImports).map(([folder, packages]) => ({
    files: [`${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: packages.flatMap((name) => [name, `${name}/*`]), message: `${folder}/ may not import this package (see STYLE.md).` },
            { group: ['../../test/*', '../test/*'], message: 'Nothing imports test/.' },
          ],
        },
      ],
    },
  })),
  {
    // test/ reaches the other packages through their package exports only, so an internal move
    // never breaks a test silently and what the tests use is the packages' public surface.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['server', 'widgets', 'prisma', 'schema'].map((name) => `../../${name}/**`),
              message: 'test/ imports only package entries (@pantau/server/testing, …); add an export.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression[source.value=/^(\\.\\.\\/)+(server|widgets|prisma|schema)\\//]', message: 'test/ imports only package entries; add an export.' },
      ],
    },
  },
  // Formatting is Prettier's (`pnpm format:check`); no lint rule argues with it.
  prettier,
);
