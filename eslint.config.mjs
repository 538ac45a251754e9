// Lint: typescript-eslint with type information, jest rules for specs, and the engine rule
// of the style guide: engines are plain libraries (no Nest, TypeORM, file system or clock).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import jest from 'eslint-plugin-jest';

const engineBoundary = {
  files: ['src/**/engine/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['@nestjs/*', 'typeorm', '@nestjs/typeorm'], message: 'Engines are plain libraries: no Nest or TypeORM.' },
          { group: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'net', 'node:net'], message: 'Engines do no I/O.' },
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Engines take `now` as a parameter.' },
      { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Engines take `now` as a parameter.' },
      { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Engines take a seed as a parameter.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-typecheck/**', 'node_modules/**', 'coverage/**', 'data/**', 'public/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  engineBoundary,
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.browser-spec.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      'jest/valid-title': ['error', { ignoreTypeOfDescribeName: true }],
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'request.**.expect', '**.expect*'] }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
