// Lint enforces the process layers (STYLE.md rule 1): a folder may not import across a
// boundary it must not cross. Type-only imports may cross (the renderer derives its API
// type from the contract).
import tseslint from 'typescript-eslint';

const noImport = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message, allowTypeImports: true })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'tests/fixtures/**', 'electron/cli/sourcebook.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // common/ is pure code every layer imports: it imports nothing but itself.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./)', message: 'common/ is pure code (no Node, no DOM, no library): it imports only other files of common/.' }] }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: noImport(['electron', 'electron/*', '**/electron/**', '**/renderer/**'], 'db/ runs wherever Node runs: it never imports electron or the renderer.'),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: noImport(['**/db/**', '**/electron/**', 'electron', 'better-sqlite3', 'node:*'], 'The renderer only knows the IPC contract, and only its types.'),
  },
  {
    files: ['electron/services/**/*.ts', 'electron/ipc/**/*.ts', 'electron/cli/**/*.ts'],
    rules: noImport(['electron', 'electron/*', '**/renderer/**'], 'Services, the router and the CLI run in plain Node: no runtime import of electron.'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: noImport(['**/db/**', '**/services/**', 'better-sqlite3', 'node:*'], 'The preload exposes the contract and nothing more.'),
  },
);
