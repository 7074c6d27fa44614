// Deep ESM entry points of monaco-editor that ship no .d.ts of their own (typed through `monaco-editor`).
declare module 'monaco-editor/language/typescript/monaco.contribution.js';
declare module 'monaco-editor/language/typescript/ts.worker.js';
declare module 'monaco-editor/editor/editor.worker.js';
declare module 'monaco-editor/languages/definitions/typescript/register.js';
