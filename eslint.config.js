// Lint, including the layering of docs/architecture.md: each folder may import only what its
// layer allows, SQL lives only in src/main/db, and only renderer/api.ts touches window.kyc.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import globals from 'globals'

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'better-sqlite3-multiple-ciphers', 'sharp']
const layer = (patterns, message) => ({ patterns: [{ group: patterns, message }] })

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', 'docs/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/no-v-html': 'error',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', layer(
        [...nodeOnly, 'electron', 'vue', 'pinia', 'vue-*', '**/main/**', '**/renderer/**', '**/preload/**'],
        'src/shared is plain TypeScript: no Node, Electron, DOM or Vue, and nothing outside shared.',
      )],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/zod.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'zod', message: "Import z from src/shared/zod.ts: it turns jitless on before any schema is built (the renderer's CSP forbids eval)." }],
        patterns: [{ group: [...nodeOnly, 'electron', 'vue', 'pinia', 'vue-*', '**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared is plain TypeScript: no Node, Electron, DOM or Vue, and nothing outside shared.' }],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', layer(
        [...nodeOnly, 'electron', '**/main/**', '**/preload/**'],
        'The renderer talks to main only through api.ts (window.kyc).',
      )],
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[object.name='window'][property.name='kyc']",
        message: 'Only src/renderer/src/api.ts may touch window.kyc.',
      }],
    },
  },
  {
    files: ['src/renderer/src/api.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/window.ts', 'src/main/ipc.ts'],
    rules: {
      'no-restricted-imports': ['error', layer(
        ['electron', '**/renderer/**', '**/preload/**'],
        'Only main/index.ts, window.ts and ipc.ts import electron; the rest runs under plain Node (CLI, tests, web host).',
      )],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    ignores: ['src/main/db/**'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name=/^(prepare|pragma)$/]",
        message: 'SQL lives only in src/main/db (queries/, migrations/, connection).',
      }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', layer(['zod', '**/contract', '**/main/**', '**/renderer/**'], 'The sandboxed preload binds channel names only (shared/channels).')],
    },
  },
)
