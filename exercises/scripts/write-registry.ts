/** `npm run registry -w @deltalab/exercises`: rewrites content/index.ts from the exercise folders (scripts/registry.ts). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exerciseFolders, registrySource } from './registry';

const contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../content');
writeFileSync(path.join(contentDir, 'index.ts'), registrySource(contentDir));
console.log(`content/index.ts: ${exerciseFolders(contentDir).length} exercises`);
