// Monaco's TypeScript language worker, bundled from our own build (no CDN).
import 'monaco-editor/language/typescript/ts.worker.js';
