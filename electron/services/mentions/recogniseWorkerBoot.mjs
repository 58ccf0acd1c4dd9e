// Starts the recognition worker from source (the command line through tsx, and the
// tests): registers tsx's loader in this thread, then loads the TypeScript worker. The
// Electron build runs the bundled out/main/recogniseWorker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./recogniseWorker.ts');
