// Builds the renderer for both hosts: Electron loads out/renderer from disk, browser mode
// (`npm run serve`, the end-to-end tests) serves the same files over loopback HTTP.
// This file runs in Node at build time, not in the renderer, hence the Node imports.
// eslint-disable-next-line no-restricted-imports -- build-time Node code, not renderer code
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  // Relative asset URLs: the same build works from file:// (Electron) and http://.
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or styles anywhere: the CSP forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    // One local bundle loaded from disk or loopback: size warnings are noise here.
    chunkSizeWarningLimit: 2048,
  },
});
