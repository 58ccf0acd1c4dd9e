#!/usr/bin/env node
// No import circles (issue #10): lists every cycle of run-time imports among the project's
// own TypeScript files and exits 1 if there is one. A cycle makes a module's value depend
// on the order files happen to load, and says two concerns want a third file between them.
//
// Type imports count too (a layer that needs another's types for its own shapes depends
// on it all the same); dynamic `import()` does not (loaded later, never part of a load
// order).
// Uses the TypeScript compiler's parser; relative specifiers are resolved as the bundler
// resolves them (`.ts`, `.tsx`, `/index.ts`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const LAYERS = ['common', 'db', 'electron', 'renderer/src'];
const EXTENSIONS = ['.ts', '.tsx', '.mts'];

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveSpecifier(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => join(base, `index${ext}`))];
  for (const path of candidates) if (existsSync(path) && statSync(path).isFile() && EXTENSIONS.some((ext) => path.endsWith(ext))) return path;
  return null;
}

/** The files `file` imports (at run time only, unless `types`). */
export function imports(file, { types = false } = {}, text = readFileSync(file, 'utf8')) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out = [];
  for (const statement of source.statements) {
    let specifier = null;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly && !types) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes && !types) continue;
      specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      if (statement.isTypeOnly && !types) continue;
      const named = statement.exportClause;
      if (!types && named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) continue;
      specifier = statement.moduleSpecifier;
    }
    if (specifier && ts.isStringLiteral(specifier)) {
      const target = resolveSpecifier(file, specifier.text);
      if (target) out.push(target);
    }
  }
  return out;
}

/** Every cycle (strongly connected component of more than one file, or a file importing itself). */
export function importCycles(root, options = {}) {
  const files = LAYERS.flatMap((layer) => sourceFiles(join(root, layer)));
  const graph = new Map(files.map((file) => [file, imports(file, options)]));
  // Tarjan's algorithm, iterative (a deep import chain must not overflow the stack).
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  for (const start of files) {
    if (indices.has(start)) continue;
    const work = [[start, 0]];
    indices.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const edges = graph.get(node) ?? [];
      if (i < edges.length) {
        frame[1]++;
        const next = edges[i];
        if (!graph.has(next)) continue;
        if (!indices.has(next)) {
          indices.set(next, index);
          low.set(next, index++);
          stack.push(next);
          onStack.add(next);
          work.push([next, 0]);
        } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indices.get(next)));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === indices.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.map((f) => relative(root, f)).sort());
      }
    }
  }
  return cycles;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
  const cycles = importCycles(root, { types: true });
  if (cycles.length) {
    console.error(`Import circles (${cycles.length}) — files that import each other, directly or through others:`);
    for (const cycle of cycles) console.error(`  - ${cycle.join('  ⇄  ')}`);
    process.exitCode = 1;
  }
}
