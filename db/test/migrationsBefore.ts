import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveMigrationsFolder } from '../src/paths';

/**
 * The migrations before the one whose tag ends with `tagSuffix`, in a folder of their own: a test migrates a fresh
 * database that far, writes rows as they were then, and migrates the rest. `before` is that migration's index (-1 if
 * none), `after` how many migrations the rest is.
 */
export function migrationsBefore(tagSuffix: string): { folder: string; before: number; after: number } {
  const all = resolveMigrationsFolder();
  const journal = JSON.parse(readFileSync(join(all, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const before = journal.entries.findIndex((e) => e.tag.endsWith(tagSuffix));
  const folder = mkdtempSync(join(tmpdir(), 'deltalab-migrations-'));
  cpSync(all, folder, { recursive: true });
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, before) }));
  return { folder, before, after: journal.entries.length - before };
}
