// Monaco's generic editor worker, bundled from our own build (no CDN).
import 'monaco-editor/editor/editor.worker.js';
