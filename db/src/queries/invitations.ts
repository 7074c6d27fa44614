import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../database';
import { courseInvitations, courses, enrollments, type Course, type CourseInvitation, type CourseRole } from '../schema';
import { normalizeEmail } from './users';

export interface NewInvitation {
  courseId: string;
  email: string;
  role: CourseRole;
  name?: string | null;
  section?: string | null;
  tokenHash: string;
  invitedBy: string | null;
}

/** Adds a pending invitation. Null (nothing written) when the course already has one for that email. */
export async function insertInvitation(db: Database, input: NewInvitation): Promise<CourseInvitation | null> {
  const [row] = await db
    .insert(courseInvitations)
    .values({ ...input, email: normalizeEmail(input.email) })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** A student invitation from a roster import: a new one, or the pending one's name and section brought up to date. */
export async function upsertStudentInvitation(db: Database, input: Omit<NewInvitation, 'role'>): Promise<'invited' | 'updated'> {
  const [row] = await db
    .insert(courseInvitations)
    .values({ ...input, email: normalizeEmail(input.email), role: 'student' })
    .onConflictDoUpdate({
      target: [courseInvitations.courseId, courseInvitations.email],
      set: { name: input.name ?? null, section: input.section ?? null },
      // A staff invitation is never turned into a student's (the caller refuses that row).
      setWhere: sql`${courseInvitations.role} = 'student'`,
    })
    .returning({ inserted: sql<boolean>`xmax = 0` });
  return row?.inserted ? 'invited' : 'updated';
}

export async function listCourseInvitations(db: Database, courseId: string, roles?: readonly CourseRole[]): Promise<CourseInvitation[]> {
  return db
    .select()
    .from(courseInvitations)
    .where(
      roles
        ? and(eq(courseInvitations.courseId, courseId), inArray(courseInvitations.role, [...roles]))
        : eq(courseInvitations.courseId, courseId),
    )
    .orderBy(desc(courseInvitations.role), asc(courseInvitations.email));
}

export async function selectInvitation(db: Database, courseId: string, email: string): Promise<CourseInvitation | undefined> {
  const [row] = await db
    .select()
    .from(courseInvitations)
    .where(and(eq(courseInvitations.courseId, courseId), eq(courseInvitations.email, normalizeEmail(email))))
    .limit(1);
  return row;
}

export async function selectInvitationById(db: Database, id: string): Promise<CourseInvitation | undefined> {
  const [row] = await db.select().from(courseInvitations).where(eq(courseInvitations.id, id)).limit(1);
  return row;
}

/** An invitation by its link's token hash, with its course. */
export async function selectInvitationByTokenHash(
  db: Database,
  tokenHash: string,
): Promise<{ invitation: CourseInvitation; course: Course } | undefined> {
  const [row] = await db
    .select({ invitation: courseInvitations, course: courses })
    .from(courseInvitations)
    .innerJoin(courses, eq(courses.id, courseInvitations.courseId))
    .where(eq(courseInvitations.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** The pending invitations of an email, in every course. */
export async function listInvitationsForEmail(db: Database, email: string): Promise<CourseInvitation[]> {
  return db
    .select()
    .from(courseInvitations)
    .where(eq(courseInvitations.email, normalizeEmail(email)))
    .orderBy(asc(courseInvitations.createdAt));
}

export async function deleteInvitation(db: Database, id: string): Promise<boolean> {
  const rows = await db.delete(courseInvitations).where(eq(courseInvitations.id, id)).returning({ id: courseInvitations.id });
  return rows.length > 0;
}

/**
 * Turns an account's pending invitations into enrollments (in one statement each way, so a second sign-in at the same
 * moment takes up nothing twice): all of them, or only the student ones (`studentsOnly`: the address is unproven, and a
 * staff role needs the invitation's link). An existing enrollment in the course is kept as it is. Returns the courses.
 */
export async function takeUpInvitations(
  db: Database,
  user: { id: string; email: string },
  options: { studentsOnly: boolean; onlyIds?: string[] },
): Promise<{ courseId: string; role: CourseRole }[]> {
  const taken = await db
    .delete(courseInvitations)
    .where(
      and(
        eq(courseInvitations.email, normalizeEmail(user.email)),
        options.studentsOnly ? eq(courseInvitations.role, 'student') : undefined,
        options.onlyIds ? inArray(courseInvitations.id, options.onlyIds) : undefined,
      ),
    )
    .returning();
  for (const invitation of taken) {
    await db
      .insert(enrollments)
      .values({ userId: user.id, courseId: invitation.courseId, role: invitation.role, section: invitation.section })
      .onConflictDoNothing();
  }
  return taken.map((i) => ({ courseId: i.courseId, role: i.role }));
}
