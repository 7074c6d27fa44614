// Copies @tensorflow/tfjs-backend-wasm's .wasm files into public/tfjs/, so Run in the browser fetches them from
// our own origin (setWasmPaths('/tfjs/') in src/editor/runner/tfRuntime.ts), never from a CDN. Runs before
// `next build` and `next dev` (npm pre-scripts); the copies are build output (ignored by git).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const source = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
const from = join(source, 'dist');
const to = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'tfjs');
mkdirSync(to, { recursive: true });
const files = readdirSync(from).filter((f) => f.endsWith('.wasm'));
if (files.length === 0) throw new Error(`no .wasm files in ${from}`);
for (const file of files) copyFileSync(join(from, file), join(to, file));
console.log(`copied ${files.join(', ')} to public/tfjs/`);
