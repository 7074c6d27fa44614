import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root: the nearest ancestor of `from` whose package.json declares workspaces. */
export function findRepoRoot(from = process.cwd()): string {
  let dir = resolve(/* turbopackIgnore: true */ from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown }).workspaces) return dir;
      } catch {
        // not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(/* turbopackIgnore: true */ from);
    dir = parent;
  }
}

/** db/migrations, found next to this source file, or from the repo root when bundled elsewhere (Next). */
export function resolveMigrationsFolder(): string {
  const candidates: string[] = [];
  try {
    // Not `new URL('../migrations', import.meta.url)`: bundlers treat that pattern as an asset to emit.
    candidates.push(join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations'));
  } catch {
    // import.meta.url is not a file: URL when bundled
  }
  candidates.push(join(findRepoRoot(), 'db', 'migrations'));
  const found = candidates.find((dir) => existsSync(join(dir, 'meta', '_journal.json')));
  if (!found) throw new Error(`Cannot find the db migrations (looked in ${candidates.join(', ')})`);
  return found;
}
