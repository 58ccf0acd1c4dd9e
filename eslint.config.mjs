// Lint enforces the process layers (STYLE.md rule 1). Between our own folders it is an
// allow-list (eslint/layers.mjs: what each folder may import, at run time and as types);
// the rules below keep packages where they may run (no Electron in plain Node, no Node in
// the renderer, nothing but Electron in the preload).
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.mjs';

/** Packages a folder may not load at run time: names or `name/*` (the package's subpaths only, never our own folders). */
const noImport = (packages, message) => ({
  'no-restricted-imports': [
    'error',
    { patterns: packages.map((name) => ({ regex: name.endsWith('/*') ? `^${name.slice(0, -2)}(/.*)?$` : `^${name.replace('*', '.*')}$`, message, allowTypeImports: true })) },
  ],
});

const NODE_GLOBALS = ['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'global', 'setImmediate'];
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'Element', 'Node', 'alert', 'fetch'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'tests/fixtures/**', 'electron/cli/sourcebook.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['common/**/*.ts', 'db/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { layers },
    rules: { 'layers/allowed-imports': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // common/ is pure code every layer imports: no package at all (no Node, no library).
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^[^.]', message: 'common/ is pure code (no Node, no DOM, no library): it imports only other files of common/.' }] }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: noImport(['electron/*'], 'db/ runs wherever Node runs: it never imports electron.'),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: noImport(['electron', 'better-sqlite3', 'node:*'], 'The renderer runs in a sandboxed page: no Node, no Electron, no SQLite.'),
  },
  {
    files: ['electron/services/**/*.ts', 'electron/ipc/**/*.ts', 'electron/cli/**/*.ts'],
    rules: noImport(['electron/*'], 'Services, the router and the CLI run in plain Node: no runtime import of electron.'),
  },
  // Globals of the other side: the window's code never reaches Node's, Node's code never
  // the DOM's, and common/ neither (one tsconfig types every folder, so lint holds the line).
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: { 'no-restricted-globals': ['error', ...NODE_GLOBALS.map((name) => ({ name, message: 'A Node global: the window runs in a sandboxed page.' }))] },
  },
  {
    files: ['db/**/*.ts', 'electron/services/**/*.ts', 'electron/ipc/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'A DOM global (or the network): not in plain Node.' }))] },
  },
  {
    files: ['common/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...[...NODE_GLOBALS, ...DOM_GLOBALS].map((name) => ({ name, message: 'common/ is pure code: no Node and no DOM global.' }))] },
  },
  {
    // SQL lives in db/ (repositories): everything above it reads and writes through them,
    // so the store can be swapped behind one interface (issue #10; the team server).
    files: ['electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx', 'common/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(prepare|pragma|backup)$/]", message: 'No SQL outside db/: add a repository function there.' },
        { selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message: 'No SQL outside db/: add a repository function there.' },
        { selector: "ImportDeclaration[source.value='better-sqlite3'][importKind!='type']", message: 'Only db/ opens SQLite.' },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: noImport(['better-sqlite3', 'node:*'], 'The preload exposes the contract and nothing more.'),
  },
);
