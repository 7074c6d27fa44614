import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A file every copy of the grader package has, to recognise its folder. */
const MARKER = join('src', 'process', 'gradingChild.ts');

let found: string | undefined;

/**
 * The grader package's folder (its sources: the grading child, the isolate runtime). Next.js bundles this file, so
 * import.meta.url may not point at the source tree: then the package is found from the working directory (web/, or a
 * copy of its build at the same depth).
 */
export function graderPackageDir(): string {
  if (found) return found;
  const candidates: string[] = [];
  try {
    candidates.push(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
  } catch {
    // import.meta.url is not a file: URL when bundled
  }
  for (let dir = resolve(/* turbopackIgnore: true */ process.cwd()); ; dir = dirname(dir)) {
    candidates.push(join(dir, 'grader'));
    if (dirname(dir) === dir) break;
  }
  found = candidates.find((dir) => existsSync(join(dir, MARKER)));
  if (!found) throw new Error(`Cannot find the grader package (${MARKER}); looked in ${candidates.join(', ')}`);
  return found;
}
