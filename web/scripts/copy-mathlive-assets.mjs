// Copies MathLive's fonts and keypress sounds into public/mathlive/, so the math field of an expression answer loads
// them from our own origin (MathfieldElement.fontsDirectory / soundsDirectory in ExpressionInput.tsx), never from a
// CDN: classrooms may be offline, and the pages' CSP allows nothing from another origin. Runs before `next build` and
// `next dev` (npm pre-scripts); the copies are build output (ignored by git).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// The package exports no package.json: find its folder from its fonts stylesheet, which it does export.
const source = dirname(require.resolve('mathlive/fonts.css'));
const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'mathlive');
for (const folder of ['fonts', 'sounds']) {
  const files = readdirSync(join(source, folder));
  if (files.length === 0) throw new Error(`no files in ${join(source, folder)}`);
  mkdirSync(join(target, folder), { recursive: true });
  for (const file of files) copyFileSync(join(source, folder, file), join(target, folder, file));
  console.log(`copied ${files.length} MathLive ${folder} to public/mathlive/${folder}/`);
}
