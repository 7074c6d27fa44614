import { courseSubmissionsForExport, type Database, type StudentFilter } from '@deltalab/db';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { assessmentGrades } from '../assessments/assessmentGrades';

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180); formulas are defused for spreadsheets. */
function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (fields: (string | number | boolean | null | undefined)[]) => `${fields.map(csvField).join(',')}\r\n`;
const points = (value: number) => Math.round(value * 100) / 100;

/**
 * The gradebook: one row per counted student (no staff, test or dropped students; only one section's with `section`),
 * one column per published exercise in course order with the points earned (best graded score × the exercise's
 * points), and the total. `format: 'canvas'` writes Canvas's gradebook import layout instead: Student, ID, SIS User ID,
 * SIS Login ID, Section (the student's, else the course title), one "Title (slug)" column per exercise, a "Points
 * Possible" row, then the students (the login is the email).
 */
export async function gradebookCsv(
  db: Database,
  course: CurrentCourse,
  options: { format?: 'plain' | 'canvas' } & StudentFilter = {},
): Promise<string> {
  const {
    exerciseColumns: columns,
    columns: assessments,
    unassigned,
    students,
    best,
    earned: assessmentEarned,
    unassignedEarned,
  } = await assessmentGrades(db, course.id, options);
  const earned = (userId: string) => columns.map((c) => points((best.get(`${userId}|${c.exerciseId}`) ?? 0) * c.maxPoints));
  // The total: every assessment, and the exercises in none (a pool counts the questions each student drew).
  const total = (userId: string) => points([...assessmentEarned(userId), ...unassignedEarned(userId)].reduce((a, b) => a + b, 0));
  if (options.format === 'canvas') {
    // Canvas gets one column per assessment (and per exercise in none): it sums them itself.
    const titles =
      assessments.length > 0
        ? [...assessments.map((a) => `${a.title} (${a.slug})`), ...unassigned.map((c) => `${c.title} (${c.slug})`)]
        : columns.map((c) => `${c.title} (${c.slug})`);
    const possible =
      assessments.length > 0
        ? [...assessments.map((a) => a.maxPoints), ...unassigned.map((c) => c.maxPoints)]
        : columns.map((c) => c.maxPoints);
    const row = (userId: string) => (assessments.length > 0 ? [...assessmentEarned(userId), ...unassignedEarned(userId)] : earned(userId));
    let csv = line(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', ...titles]);
    csv += line(['Points Possible', '', '', '', '', ...possible]);
    for (const s of students) csv += line([s.name, '', '', s.email, s.section ?? course.title, ...row(s.userId)]);
    return csv;
  }
  let csv = line(['email', 'name', ...columns.map((c) => c.slug), ...assessments.map((a) => `assessment:${a.slug}`), 'total']);
  for (const s of students) csv += line([s.email, s.name, ...earned(s.userId), ...assessmentEarned(s.userId), total(s.userId)]);
  return csv;
}

/** Every submission of the course (real students), oldest first: one row each with what was sent. */
export async function submissionsCsv(db: Database, course: CurrentCourse): Promise<string> {
  const rows = await courseSubmissionsForExport(db, course.id);
  let csv = line([
    'submission',
    'email',
    'name',
    'exercise',
    'attempt',
    'status',
    'score',
    'passed',
    'late',
    'variant',
    'submitted_at',
    'graded_at',
    'answer',
  ]);
  for (const r of rows) {
    const payload = r.payload as { code?: string; answers?: unknown };
    const answer = payload.code ?? JSON.stringify(payload.answers ?? payload);
    csv += line([
      r.id,
      r.email,
      r.name,
      r.slug,
      r.attempt,
      r.status,
      r.score,
      r.passed,
      r.late,
      r.variantSeed,
      iso(r.createdAt),
      iso(r.gradedAt),
      answer,
    ]);
  }
  return csv;
}

function iso(value: Date | string | null): string {
  return value === null ? '' : new Date(value).toISOString();
}
