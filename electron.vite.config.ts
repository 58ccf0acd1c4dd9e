import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import rendererConfig from './renderer/vite.config';

// Main and preload for Electron; the renderer is the same build `npm run serve` uses.
// The preload is CommonJS: a sandboxed preload cannot load an ES module.
// The main build has a second entry, the import's parse worker (a worker thread the main
// process starts from out/main/parseWorker.cjs; see electron/services/import/parsePool.ts).
// Code both entries use goes to a chunk beside them, so every file of the main process
// sits in out/main.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: {
        entry: { index: resolve(__dirname, 'electron/main/index.ts'), parseWorker: resolve(__dirname, 'electron/services/import/parseWorker.ts') },
        formats: ['cjs'],
      },
      rollupOptions: {
        output: { entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' },
        external: ['better-sqlite3', 'playwright-core', 'electron'],
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
