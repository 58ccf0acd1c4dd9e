// Starts the parse worker from source (the command line through tsx, and the tests,
// whose vite-node transform does not reach a worker thread): registers tsx's loader in
// this thread, then loads the TypeScript worker. The Electron build does not use this
// file; it runs the bundled out/main/parseWorker.cjs.
import { register } from 'tsx/esm/api';

register();
await import('./parseWorker.ts');
