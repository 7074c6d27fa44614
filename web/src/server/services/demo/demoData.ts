import {
  deleteCourse,
  deleteUsersByEmail,
  listCourseMembers,
  selectOptionalCourseBySlug,
  selectOptionalUserByEmail,
  setCourseArchived,
  type Database,
} from '@deltalab/db';
import { demoAccountEmails, demoCourseSlugs } from '../../seed';
import { testStudentDomain } from '../people/studentView';

/** The demo accounts this database holds (their password is public: in the README). */
async function demoAccountsPresent(db: Database): Promise<string[]> {
  const present: string[] = [];
  for (const email of demoAccountEmails) if (await selectOptionalUserByEmail(db, email)) present.push(email);
  return present;
}

/** What the start says when a database that should hold nothing demo holds the demo accounts; null when it does not. */
export async function demoAccountsWarning(db: Database): Promise<string | null> {
  const present = await demoAccountsPresent(db);
  if (present.length === 0) return null;
  return [
    `⚠ This database holds the demo accounts (${present.join(', ')}), whose password is published in the README:`,
    '  anyone can sign in with them. Remove them with: npm run admin -- remove-demo',
    '  (or set DELTALAB_DEMO=1 if this is a demo site).',
  ].join('\n');
}

export interface DemoRemoval {
  accounts: number;
  /** Demo courses deleted: nobody but demo accounts was in them. */
  coursesRemoved: string[];
  /** Demo courses kept, and archived (read-only): other people are in them, whose work is never deleted. */
  coursesKept: string[];
}

/**
 * Removes the demo accounts (with their enrollments, submissions and drafts), then each demo course that nobody else
 * is in. A demo course someone real joined (its join code is public too) is kept with their work, archived: it has no
 * instructor left, so nothing in it may change any more. One transaction: all or nothing.
 */
export async function removeDemo(db: Database): Promise<DemoRemoval> {
  return db.transaction(async (tx) => {
    const accounts = await deleteUsersByEmail(tx, demoAccountEmails);
    const coursesRemoved: string[] = [];
    const coursesKept: string[] = [];
    for (const slug of demoCourseSlugs) {
      const course = await selectOptionalCourseBySlug(tx, slug);
      if (!course) continue;
      // Test students (a staff member's student view) are not people.
      const members = (await listCourseMembers(tx, course.id)).filter((m) => !m.email.endsWith(`@${testStudentDomain}`));
      if (members.length === 0) {
        await deleteCourse(tx, course.id);
        coursesRemoved.push(course.title);
      } else {
        await setCourseArchived(tx, course.id, true);
        coursesKept.push(`${course.title} (${members.length} other member${members.length === 1 ? '' : 's'})`);
      }
    }
    return { accounts, coursesRemoved, coursesKept };
  });
}
