// The file worker's entry point (see file-worker.ts): loads its TypeScript through tsx's API,
// which works whether or not the thread that started it loads TypeScript itself.
import { tsImport } from 'tsx/esm/api';

await tsImport('./file-worker-thread.ts', import.meta.url);
