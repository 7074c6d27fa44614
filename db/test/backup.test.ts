import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../src/index';
import { backupEmbeddedDatabase, restoreEmbeddedDatabase } from '../src/backup/embeddedBackup';
import { rowsOf } from '../src/rawRows';
import { makeCourse, makeCourseExercise, makeEnrolledUser, makeSubmission } from '../src/test/factories';

/** Everything a class's data is, as one comparable value: each table's rows, in a stable order. */
async function contents(handle: DbHandle): Promise<Record<string, string>> {
  const tables = ['users', 'courses', 'enrollments', 'exercises', 'exercise_versions', 'course_exercises', 'submissions', 'drafts'];
  const out: Record<string, string> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ digest: string | null }>(
      await handle.executeSql(`select md5(string_agg(t::text, '|' order by t::text)) as digest from "${table}" t`),
    );
    out[table] = row?.digest ?? 'empty';
  }
  return out;
}

describe('embedded backup and restore (npm run db:backup / db:restore)', () => {
  const root = mkdtempSync(join(tmpdir(), 'deltalab-backup-'));
  const dataDir = join(root, 'data');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('restores exactly the data that was backed up, keeps the replaced database beside, and refuses while a server runs', async () => {
    let handle = await createDb({ dataDir });
    const course = await makeCourse(handle.db);
    const exercise = await makeCourseExercise(handle.db, course.id);
    for (let i = 0; i < 5; i++) {
      const student = await makeEnrolledUser(handle.db, course.id);
      await makeSubmission(handle.db, { userId: student.id, courseId: course.id, exercise, variantSeed: String(i) });
    }
    const before = await contents(handle);

    // A running server holds the directory: both commands say so and change nothing.
    await expect(backupEmbeddedDatabase({ dataDir, outFile: join(root, 'refused.tar.gz') })).rejects.toThrow(/is in use by process \d+/);
    await expect(restoreEmbeddedDatabase({ dataDir, fromFile: join(root, 'refused.tar.gz') })).rejects.toThrow(/No backup file/);
    await handle.close();

    const backup = await backupEmbeddedDatabase({ dataDir, outFile: join(root, 'backups', 'class.tar.gz') });
    expect(backup.rows).toMatchObject({ users: 5, courses: 1, submissions: 5 });
    expect(existsSync(join(root, 'backups', 'class.tar.gz.partial'))).toBe(false);

    // The class goes on: more submissions, one student deleted.
    handle = await createDb({ dataDir });
    const late = await makeEnrolledUser(handle.db, course.id);
    await makeSubmission(handle.db, { userId: late.id, courseId: course.id, exercise, variantSeed: '99' });
    await handle.executeSql(`delete from users where id = (select id from users order by created_at limit 1)`);
    expect(await contents(handle)).not.toEqual(before);
    await handle.close();

    const restored = await restoreEmbeddedDatabase({ dataDir, fromFile: backup.file });
    expect(restored.rows).toEqual(backup.rows);
    expect(restored.previous).toMatch(/pglite\.before-restore-/);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('pglite.before-restore-'))).toHaveLength(1);
    handle = await createDb({ dataDir });
    expect(await contents(handle)).toEqual(before);
    await handle.close();
  }, 120_000);

  it('refuses a file that is no backup, before touching the database', async () => {
    const bogus = join(root, 'bogus.tar.gz');
    writeFileSync(bogus, 'not a tarball');
    const handle = await createDb({ dataDir });
    const before = await contents(handle);
    await handle.close();
    await expect(restoreEmbeddedDatabase({ dataDir, fromFile: bogus })).rejects.toThrow(
      /bogus\.tar\.gz is not a Deltalab backup that can be restored .*Nothing was changed\./,
    );
    const after = await createDb({ dataDir });
    expect(await contents(after)).toEqual(before);
    await after.close();
  }, 60_000);

  it('runs as npm run db:backup and db:restore, with names relative to where they are typed', () => {
    const { INIT_CWD: _, ...inherited } = process.env;
    const env = { ...inherited, DELTALAB_DATA_DIR: dataDir, DATABASE_URL: '' };
    const repoRoot = join(import.meta.dirname, '..', '..');
    const backedUp = execFileSync('npm', ['run', '-s', 'db:backup', '--', relative(repoRoot, join(root, 'cli.tar.gz'))], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
    });
    expect(backedUp).toMatch(
      new RegExp(`^Backed up ${join(root, 'cli.tar.gz')} \\(\\d+\\.\\d MB\\): 5 users, 1 courses, 5 submissions\\.`),
    );
    const restoredOut = execFileSync('npm', ['run', '-s', 'db:restore', '--', join(root, 'cli.tar.gz')], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
    });
    expect(restoredOut).toMatch(/^Restored .*cli\.tar\.gz .*: 5 users, 1 courses, 5 submissions\.\nThe database it replaced is kept in /);
  }, 120_000);
});
