import { z } from 'zod';
import { listCourseMembers, type CourseMember, type Database } from '@deltalab/db';
import { variantSeed, type VariantSelector } from '@deltalab/exercises';
import { actorIn } from '@/server/auth/courseAccess';
import { can, refusal } from '@/server/auth/permissions';
import { getCurrentCourse, type CurrentCourse } from '../courses/getCurrentCourse';

/**
 * Which variant an instructor previews: the notes' numbers (`canonical`), any seed, or the variant a given student
 * of the course gets. The page takes it from the URL (?variant=canonical|<seed> or ?student=<user id>), the preview
 * grading endpoint from its JSON body.
 */
export type PreviewTarget = { variant: VariantSelector } | { student: string };

const seedText = z
  .string()
  .regex(/^\d{1,10}$/, 'a variant is "canonical" or a seed: a whole number from 0 to 4294967295')
  .transform(Number)
  .refine((n) => n <= 0xffffffff, 'a seed is at most 4294967295');

/** The target as JSON (the preview grading endpoint): `variant` or `student`, not both; canonical by default. */
export const previewTargetSchema = z
  .object({
    variant: z
      .union([z.literal('canonical'), z.number().int().min(0).max(0xffffffff), seedText], {
        error: 'variant must be "canonical" or a seed from 0 to 4294967295',
      })
      .optional(),
    student: z.uuid({ error: 'student must be the user id (a UUID) of a student of the course' }).optional(),
  })
  .refine((t) => t.variant === undefined || t.student === undefined, 'Give either variant or student, not both.')
  .transform((t): PreviewTarget => (t.student !== undefined ? { student: t.student } : { variant: t.variant ?? 'canonical' }));

/** The target from the page's search params; anything unreadable falls back to canonical with the reason. */
export function previewTargetFromSearchParams(params: Record<string, string | string[] | undefined>): {
  target: PreviewTarget;
  problem?: string;
} {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  const parsed = previewTargetSchema.safeParse({ variant: first(params.variant), student: first(params.student) });
  if (parsed.success) return { target: parsed.data };
  return { target: { variant: 'canonical' }, problem: parsed.error.issues[0]?.message ?? 'unreadable variant' };
}

export interface ResolvedPreview {
  course: CurrentCourse;
  /** The course's students, for the "as student" picker. */
  students: CourseMember[];
  variant: VariantSelector;
  /** Set when previewing as a student. */
  student: CourseMember | null;
}

export type PreviewResolution =
  { ok: true; preview: ResolvedPreview } | { ok: false; reason: 'not-instructor' | 'unknown-student'; message: string };

/**
 * Checks that the viewer may preview their course's exercises (exercise.preview) and turns the target into a variant seed (a student's is the seed
 * their own exercise page uses, so the instructor sees exactly what that student sees).
 */
export async function resolvePreview(db: Database, viewerId: string, slug: string, target: PreviewTarget): Promise<PreviewResolution> {
  const course = await getCurrentCourse(db, viewerId);
  const actor = actorIn(null, course);
  if (!course || !can(actor, 'exercise.preview')) {
    return { ok: false, reason: 'not-instructor', message: refusal(actor, 'exercise.preview', course?.title) };
  }
  const students = await listCourseMembers(db, course.id, 'student');
  if ('student' in target) {
    const student = students.find((s) => s.userId === target.student);
    if (!student) return { ok: false, reason: 'unknown-student', message: `No student ${target.student} in ${course.title}.` };
    return { ok: true, preview: { course, students, variant: variantSeed(slug, student.userId), student } };
  }
  return { ok: true, preview: { course, students, variant: target.variant, student: null } };
}
