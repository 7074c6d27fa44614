import { courseOverviewCells, listAssessments, listCountedStudents, listDraws, type Database, type StudentFilter } from '@deltalab/db';
import { questionsPerStudent } from '@/lib/assessmentRules';
import { courseColumns, type CourseColumn } from '../dashboards/courseColumns';

/** An assessment as a gradebook column: its points, and how a student's are counted. */
interface AssessmentColumn {
  id: string;
  slug: string;
  title: string;
  type: 'homework' | 'exam';
  maxPoints: number;
  /** `questions`: how many each student gets (a pool's draw, whole groups). */
  slots: { exerciseIds: string[]; questions: number; points: (exerciseId: string) => number }[];
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * A course's grades by assessment: each published assessment's points for each counted student (a slot counts the
 * student's drawn exercises, at the slot's points, their best `choose` scores), and the exercises in no assessment.
 */
export async function assessmentGrades(db: Database, courseId: string, filter: StudentFilter = {}) {
  const [exerciseColumns, assessments, students, cells] = await Promise.all([
    courseColumns(db, courseId),
    listAssessments(db, courseId),
    listCountedStudents(db, courseId, filter),
    courseOverviewCells(db, courseId, filter),
  ]);
  const byExercise = new Map<string, CourseColumn>(exerciseColumns.map((c) => [c.exerciseId, c]));
  const published = assessments.filter((a) => a.published);
  const draws = await listDraws(
    db,
    published.flatMap((a) => a.slots.map((s) => s.id)),
  );
  const best = new Map(cells.map((c) => [`${c.userId}|${c.exerciseId}`, c.bestScore ?? 0]));
  const inAssessment = new Set<string>();
  const columns: (AssessmentColumn & { slotIds: string[] })[] = published.map((a) => {
    const slots = a.slots.map((s) => {
      const ids = s.exerciseIds.filter((id) => byExercise.has(id));
      ids.forEach((id) => inAssessment.add(id));
      return {
        exerciseIds: ids,
        questions: Math.min(questionsPerStudent(s), ids.length),
        points: (id: string) => s.points ?? byExercise.get(id)?.maxPoints ?? 1,
      };
    });
    const maxPoints = slots.reduce((sum, s) => sum + (s.exerciseIds.length ? s.questions * s.points(s.exerciseIds[0]!) : 0), 0);
    return { id: a.id, slug: a.slug, title: a.title, type: a.type, maxPoints: round(maxPoints), slots, slotIds: a.slots.map((s) => s.id) };
  });
  const unassigned = exerciseColumns.filter((c) => !inAssessment.has(c.exerciseId));
  /** A student's points in each assessment (in column order). */
  const earned = (userId: string) =>
    columns.map((column) =>
      round(
        column.slots.reduce((sum, slot, i) => {
          const drawn = draws.get(`${userId}:${column.slotIds[i]}`) ?? slot.exerciseIds;
          const scores = drawn.map((id) => (best.get(`${userId}|${id}`) ?? 0) * slot.points(id)).sort((a, b) => b - a);
          return sum + scores.slice(0, slot.questions).reduce((a, b) => a + b, 0);
        }, 0),
      ),
    );
  const unassignedEarned = (userId: string) => unassigned.map((c) => round((best.get(`${userId}|${c.exerciseId}`) ?? 0) * c.maxPoints));
  /** How many of a student's questions in each assessment (in column order) have a grade, of how many they get. */
  const answered = (userId: string) =>
    columns.map((column) =>
      column.slots.reduce(
        (sum, slot, i) => {
          const drawn = draws.get(`${userId}:${column.slotIds[i]}`) ?? slot.exerciseIds;
          const graded = drawn.filter((id) => best.has(`${userId}|${id}`)).length;
          return { graded: sum.graded + Math.min(graded, slot.questions), questions: sum.questions + slot.questions };
        },
        { graded: 0, questions: 0 },
      ),
    );
  return { exerciseColumns, columns, assessments: published, unassigned, students, best, earned, unassignedEarned, answered };
}

/** Per-assessment statistics for staff: the distribution of students' scores, and per question attempts and mean score. */
export async function assessmentStatistics(db: Database, courseId: string, slug: string, filter: StudentFilter = {}) {
  return statisticsOf(await assessmentGrades(db, courseId, filter), slug);
}

/** The statistics of one assessment from a course's grades (read once for a page of several). */
export function statisticsOf(grades: Awaited<ReturnType<typeof assessmentGrades>>, slug: string) {
  const index = grades.columns.findIndex((c) => c.slug === slug);
  if (index < 0) return undefined;
  const column = grades.columns[index]!;
  const scores = grades.students.map((s) => grades.earned(s.userId)[index]!);
  const fractions = scores.map((s) => (column.maxPoints > 0 ? s / column.maxPoints : 0));
  const histogram = Array.from({ length: 10 }, (_, bin) => ({
    from: bin / 10,
    to: (bin + 1) / 10,
    students: fractions.filter((f) => Math.min(9, Math.floor(f * 10)) === bin).length,
  }));
  const sorted = [...scores].sort((a, b) => a - b);
  const median =
    sorted.length === 0
      ? null
      : sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]!
        : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  const questions = column.slots.flatMap((slot, slotIndex) =>
    slot.exerciseIds.map((id) => {
      const exercise = grades.exerciseColumns.find((c) => c.exerciseId === id)!;
      const attempted = grades.students.filter((s) => grades.best.has(`${s.userId}|${id}`));
      const mean = attempted.length
        ? attempted.reduce((sum, s) => sum + grades.best.get(`${s.userId}|${id}`)!, 0) / attempted.length
        : null;
      return {
        slot: slotIndex + 1,
        exercise: exercise.slug,
        title: exercise.title,
        points: slot.points(id),
        attempted: attempted.length,
        meanScore: mean === null ? null : round(mean),
      };
    }),
  );
  return {
    slug: column.slug,
    title: column.title,
    maxPoints: column.maxPoints,
    students: scores.length,
    mean: scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
    median: median === null ? null : round(median),
    histogram,
    questions,
  };
}
