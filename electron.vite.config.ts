import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import rendererConfig from './renderer/vite.config';

// Main and preload for Electron; the renderer is the same build `npm run serve` uses.
// The preload is CommonJS: a sandboxed preload cannot load an ES module.
// The main build has three more entries: the command line (out/main/cli.cjs, run by
// electron/cli/sourcebook.mjs), and the worker threads the main process starts: the
// import's parse worker (out/main/parseWorker.cjs; electron/services/import/parsePool.ts)
// and name recognition's (out/main/recogniseWorker.cjs; services/mentions/recogniser.ts).
// Code several entries use goes to chunks beside them, so every file of the main process
// sits in out/main; what the command line loads on demand is a chunk of its own.
// Every pure-JS library is bundled into out/main, so the packaged app carries only what
// cannot be bundled: better-sqlite3 (a native addon) and pdf.js (ES modules loaded on
// demand, with its worker, CMaps and standard-font files read from its package folder).
// Those two are package.json's `dependencies`, which electron-builder packs; everything
// else is a devDependency (tests/integration/pack.test.ts checks the packed app).
export default defineConfig({
  main: {
    // eld's package root loads its n-gram table by a computed import() path, which a bundle
    // cannot follow: the build takes the entry with the 'extrasmall' table built in
    // (electron/services/import/language.ts uses either).
    resolve: { alias: [{ find: /^eld$/, replacement: resolve(__dirname, 'node_modules/eld/src/entries/static.extrasmall.js') }] },
    build: {
      externalizeDeps: false,
      outDir: 'out/main',
      lib: {
        entry: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          parseWorker: resolve(__dirname, 'electron/services/import/parseWorker.ts'),
          recogniseWorker: resolve(__dirname, 'electron/services/mentions/recogniseWorker.ts'),
          // The `sourcebook` command line, compiled (electron/cli/sourcebook.mjs runs it).
          cli: resolve(__dirname, 'electron/cli/main.ts'),
        },
        formats: ['cjs'],
      },
      rollupOptions: {
        output: { entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' },
        // playwright-core: only the command line's PDF export loads it (the app prints with Electron).
        external: ['electron', 'better-sqlite3', /^pdfjs-dist(\/|$)/, /^playwright-core(\/|$)/],
        // linkedom's CSS parser falls back to `eval(errorType)` for a built-in error
        // constructor's name (never document text); the warning says nothing new per build.
        onwarn(warning, warn) {
          if (warning.code === 'EVAL' && /@acemir[\\/]cssom/.test(warning.id ?? '')) return;
          warn(warning);
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    ...rendererConfig,
    root: resolve(__dirname, 'renderer'),
    build: { ...rendererConfig.build, outDir: resolve(__dirname, 'out/renderer'), rollupOptions: { input: resolve(__dirname, 'renderer/index.html') } },
  },
});
