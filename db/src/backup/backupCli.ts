/**
 * `npm run db:backup [-- <file>]` and `npm run db:restore -- <file>`: the embedded database (DELTALAB_DATA_DIR, else
 * .data/) to a gzipped tarball and back. Stop the server first. On PostgreSQL use pg_dump / pg_restore (README).
 */
import { join, resolve } from 'node:path';
import { readDbEnv } from '../client';
import { findRepoRoot } from '../paths';
import { backupEmbeddedDatabase, restoreEmbeddedDatabase, type BackupSummary } from './embeddedBackup';

const [command, given] = process.argv.slice(2);
// npm runs this in db/; a file name is meant from where the command was typed.
const file = given === undefined ? undefined : resolve(process.env.INIT_CWD ?? process.cwd(), given);

function describe({ file, bytes, rows }: BackupSummary): string {
  const counts = ['users', 'courses', 'submissions'].map((t) => `${rows[t] ?? 0} ${t}`).join(', ');
  return `${file} (${(bytes / 1024 / 1024).toFixed(1)} MB): ${counts}`;
}

async function main(): Promise<void> {
  if (readDbEnv().DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is set: this command backs up the embedded database. On PostgreSQL use pg_dump -Fc and pg_restore (README: Backups).',
    );
  }
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const summary = await backupEmbeddedDatabase({ outFile: file ?? resolve(join(findRepoRoot(), 'backups', `deltalab-${stamp}.tar.gz`)) });
    console.log(`Backed up ${describe(summary)}.`);
  } else if (command === 'restore') {
    if (!file) throw new Error('Name the backup to restore: npm run db:restore -- backups/deltalab-….tar.gz');
    const summary = await restoreEmbeddedDatabase({ fromFile: file });
    console.log(`Restored ${describe(summary)}.`);
    if (summary.previous) console.log(`The database it replaced is kept in ${summary.previous}; delete it when you no longer need it.`);
  } else {
    throw new Error(`Unknown command "${command ?? ''}": backup or restore.`);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
