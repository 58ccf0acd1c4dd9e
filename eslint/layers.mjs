// The process layers as an allow-list (STYLE.md rule 1, VS Code's way): each folder names
// the folders it may import from at run time, and those it may take types from. Any
// relative import that leaves them is an error, whatever path spelling reaches it. Bare
// package imports are checked by the per-folder rules in eslint.config.mjs.
import { posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Most specific folder first. `runtime`: what the folder's code may load; `types`: what it
 * may also import with `import type` (the renderer derives its API from the contract).
 */
export const LAYERS = [
  { folder: 'common', runtime: ['common'], why: 'common/ is pure code every layer imports; it imports nothing outside itself' },
  { folder: 'db', runtime: ['common', 'db'], why: 'db/ runs wherever Node runs: the workspace store and its formats, below every other layer' },
  { folder: 'electron/services', runtime: ['common', 'db', 'electron/services'], why: 'services run in plain Node below the transports: never the IPC layer, the shell, the CLI or the renderer' },
  { folder: 'electron/ipc', runtime: ['common', 'electron/services', 'electron/ipc'], types: ['db'], why: 'the contract and router sit on the services; they never reach the shell, the CLI or the renderer' },
  { folder: 'electron/main', runtime: ['common', 'electron/services', 'electron/ipc', 'electron/main'], types: ['db'], why: "the Electron shell serves the router; it reaches the store only through services" },
  { folder: 'electron/preload', runtime: ['electron/ipc/constants.ts'], types: ['electron/ipc/contract.ts'], why: "the preload exposes the contract's one channel and nothing more" },
  { folder: 'electron/cli', runtime: ['common', 'electron/services', 'electron/ipc', 'electron/cli'], types: ['db'], why: 'the CLI is a front door over the services' },
  { folder: 'electron/launcher.ts', runtime: [], why: 'the launcher only starts Electron or the server' },
  { folder: 'renderer', runtime: ['common', 'renderer'], types: ['electron/ipc', 'electron/services', 'db'], why: 'the renderer knows the contract, and only its types' },
];

const within = (target, allowed) => target === allowed || target.startsWith(`${allowed}/`) || ['.ts', '.tsx', '.mts'].some((ext) => `${target}${ext}` === allowed) || target === allowed.replace(/\.tsx?$/, '');

/** The layer a repository path belongs to, if any. */
export function layerOf(path) {
  return LAYERS.find((l) => path === l.folder || path.startsWith(`${l.folder}/`)) ?? null;
}

/** Why `file` may not import `specifier` (types only or not), or null if it may. */
export function crossing(file, specifier, typeOnly) {
  if (!specifier.startsWith('.')) return null;
  const layer = layerOf(file);
  if (!layer) return null;
  const target = posix.normalize(posix.join(posix.dirname(file), specifier));
  const allowed = [...layer.runtime, ...(typeOnly ? (layer.types ?? []) : [])];
  if (allowed.some((a) => within(target, a))) return null;
  const typesOk = !typeOnly && (layer.types ?? []).some((a) => within(target, a));
  return `${layer.folder} may not import ${target}${typesOk ? ' at run time (types only: `import type`)' : ''}: ${layer.why}.`;
}

const rule = {
  meta: { type: 'problem', docs: { description: 'Imports stay within the layers each folder may use (eslint/layers.mjs).' }, schema: [] },
  create(context) {
    const file = relative(root, context.filename).split(sep).join('/');
    if (!layerOf(file)) return {};
    const check = (node, source, typeOnly) => {
      if (typeof source !== 'string') return;
      const message = crossing(file, source, typeOnly);
      if (message) context.report({ node, message });
    };
    const allTypes = (node) => node.importKind === 'type' || node.exportKind === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node, node.source.value, allTypes(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, allTypes(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};

export default { rules: { 'allowed-imports': rule } };
