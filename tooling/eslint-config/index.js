// Shared flat ESLint config. Every package's eslint.config.js is `export default config`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { busyButtonRule } from './rules/busy-button.js';
import { pluginImportsRule } from './rules/plugin-imports.js';

export const zhengfaPlugin = { rules: { 'plugin-imports': pluginImportsRule, 'busy-button': busyButtonRule } };

export const config = tseslint.config(
  { ignores: ['**/node_modules/**', '**/build/**', '**/dist/**', '**/.turbo/**', '**/.data/**', '**/.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { zhengfa: zhengfaPlugin },
    rules: {
      'zhengfa/plugin-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.tsx', '**/*.jsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'zhengfa/busy-button': 'error' },
  },
);

export default config;
