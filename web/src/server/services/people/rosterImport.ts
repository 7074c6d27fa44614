import { z } from 'zod';
import {
  enrollUser,
  listCourseInvitations,
  selectEnrollment,
  selectOptionalUserByEmail,
  setEnrollmentSection,
  upsertStudentInvitation,
  type Database,
} from '@deltalab/db';
import { isStaffRole, roleName } from '@/server/auth/permissions';
import { parseCsv } from '@/lib/csvRecords';
import { unstorableTextReason } from '../../storableText';
import { emailInput } from '../forms/emailInput';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';
import { invitationUrl, mailInvitation } from './invitations';
import { sectionInput } from './roster';
import { newSecret } from './secretLinks';

/** At most this many students a file (a large lecture is a few hundred); a bigger file is refused whole. */
const maxRows = 5000;
/** At most this many problems are listed (the rest are counted). */
const maxProblems = 20;

const rowInput = z.object({
  email: emailInput(),
  name: z.string().trim().min(1, 'the name is empty').max(100, 'the name is longer than 100 characters'),
  section: sectionInput,
});

interface RosterRow {
  line: number;
  email: string;
  name: string;
  /** null: no section column, or an empty one (the row sets none). */
  section: string | null;
}

export interface RosterImportResult {
  ok: true;
  /** Accounts enrolled now. */
  enrolled: number;
  /** Students already enrolled whose section the file set, and pending invitations given the file's name and section. */
  updated: number;
  /** Emails without an account: pending until they sign up (or sign in with OAuth). */
  invited: number;
  /** Rows that changed nothing (already enrolled, already invited as given). */
  unchanged: number;
  /** When the site sends email: invitations whose email failed (they stay pending all the same). */
  mailProblems: string[];
}

/**
 * Reads a roster file: a header `email,name` or `email,name,section`, then one student a row. Every row is checked
 * before anything is written; any problem refuses the whole file with each bad row's line number.
 */
export function parseRoster(text: string): { ok: true; rows: RosterRow[]; hasSection: boolean } | { ok: false; problems: string[] } {
  const unstorable = unstorableTextReason(text);
  if (unstorable) return { ok: false, problems: [`The file's ${unstorable}`] };
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problems: [`line ${parsed.line}: ${parsed.message}`] };
  const [header, ...records] = parsed.records;
  const columns = header?.fields.map((f) => f.trim().toLowerCase());
  const hasSection = columns?.length === 3;
  if (!columns || !(columns.join(',') === 'email,name' || columns.join(',') === 'email,name,section'))
    return {
      ok: false,
      problems: [
        `line ${header?.line ?? 1}: the first line must be the header "email,name" or "email,name,section"${header ? `, not "${header.fields.join(',').slice(0, 80)}"` : ' (the file is empty)'}`,
      ],
    };
  if (records.length === 0) return { ok: false, problems: ['The file has a header but no students.'] };
  if (records.length > maxRows)
    return { ok: false, problems: [`The file has ${records.length} students; at most ${maxRows} are taken at once.`] };
  const problems: string[] = [];
  const rows: RosterRow[] = [];
  const firstLine = new Map<string, number>();
  for (const record of records) {
    if (record.fields.length !== columns.length) {
      problems.push(`line ${record.line}: ${record.fields.length} fields, expected ${columns.length} (${columns.join(',')})`);
      continue;
    }
    const [email, name, section] = record.fields;
    const row = rowInput.safeParse({ email, name, section: section ?? '' });
    if (!row.success) {
      const issue = row.error.issues[0]!;
      problems.push(
        `line ${record.line}: ${issue.path[0] === 'email' ? `"${email!.trim().slice(0, 80)}": ${issue.message}` : issue.message}`,
      );
      continue;
    }
    const earlier = firstLine.get(row.data.email);
    if (earlier !== undefined) {
      problems.push(`line ${record.line}: ${row.data.email} is already on line ${earlier}`);
      continue;
    }
    firstLine.set(row.data.email, record.line);
    rows.push({ line: record.line, ...row.data });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows, hasSection };
}

/**
 * Imports a roster into the course, all or nothing: accounts are enrolled as students (with their section), emails
 * without an account become pending student invitations. A row naming the course's staff, or someone invited to its
 * staff, refuses the file. Students already enrolled keep their enrollment (a dropped one stays dropped); the file's
 * section, when it has that column, replaces theirs.
 */
export async function importRoster(
  db: Database,
  course: CurrentCourse,
  inviter: { id: string; name: string },
  text: string,
  baseUrl: string,
): Promise<RosterImportResult> {
  const parsed = parseRoster(text);
  if (!parsed.ok) throw importRefusal(parsed.problems);
  const staffInvitations = new Map(
    (await listCourseInvitations(db, course.id, ['instructor', 'teaching-assistant'])).map((i) => [i.email, i.role]),
  );
  const links: { email: string; token: string }[] = [];
  const result = await db.transaction(async (tx) => {
    const counts = { enrolled: 0, updated: 0, invited: 0, unchanged: 0 };
    const problems: string[] = [];
    for (const row of parsed.rows) {
      const user = await selectOptionalUserByEmail(tx, row.email);
      if (!user) {
        const invitedAs = staffInvitations.get(row.email);
        if (invitedAs) {
          problems.push(`line ${row.line}: ${row.email} is invited to the staff as ${roleName(invitedAs)}`);
          continue;
        }
        const secret = newSecret();
        const outcome = await upsertStudentInvitation(tx, {
          courseId: course.id,
          email: row.email,
          name: row.name,
          section: row.section,
          tokenHash: secret.hash,
          invitedBy: inviter.id,
        });
        if (outcome === 'invited') {
          counts.invited++;
          links.push({ email: row.email, token: secret.token });
        } else counts.updated++; // the pending invitation takes the file's name and section
        continue;
      }
      const enrollment = await selectEnrollment(tx, user.id, course.id);
      if (enrollment && isStaffRole(enrollment.role)) {
        problems.push(`line ${row.line}: ${row.email} is ${roleName(enrollment.role)} of this course`);
        continue;
      }
      if (!enrollment) {
        await enrollUser(tx, { userId: user.id, courseId: course.id, role: 'student', section: row.section });
        counts.enrolled++;
      } else if (parsed.hasSection && enrollment.section !== row.section) {
        await setEnrollmentSection(tx, user.id, course.id, row.section);
        counts.updated++;
      } else counts.unchanged++;
    }
    // Thrown inside the transaction: nothing of the file stays.
    if (problems.length > 0) throw importRefusal(problems);
    return counts;
  });
  const mailProblems: string[] = [];
  for (const { email, token } of links) {
    const problem = await mailInvitation({
      to: email,
      courseTitle: course.title,
      role: 'student',
      url: invitationUrl(baseUrl, token),
      invitedBy: inviter.name,
    });
    if (problem) mailProblems.push(problem);
  }
  return { ok: true, ...result, mailProblems };
}

function importRefusal(problems: string[]): SubmissionError {
  const listed = problems.slice(0, maxProblems);
  const more = problems.length > maxProblems ? `; and ${problems.length - maxProblems} more` : '';
  return new SubmissionError('invalid-request', `Nothing was imported: ${listed.join('; ')}${more}.`);
}
