import { courseOverviewCells, listCountedStudents, type Database, type StudentFilter } from '@deltalab/db';
import { topics } from '@deltalab/exercises';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { courseColumns, type CourseColumn } from './courseColumns';

interface OverviewCellView {
  score: number | null;
  attempts: number;
  solved: boolean;
  late: boolean;
}

export interface CourseOverview {
  course: { slug: string; title: string; timeZone: string };
  exercises: Pick<CourseColumn, 'exerciseId' | 'slug' | 'title' | 'topic' | 'kind' | 'maxPoints' | 'published'>[];
  students: { userId: string; email: string; name: string; section: string | null; total: number; solved: number }[];
  /** cells[studentIndex][exerciseIndex]; null: no submission. */
  cells: (OverviewCellView | null)[][];
  /** Per topic: the share of (student, exercise) pairs solved by the end of each day with a first solve. */
  progress: { topic: string; title: string; points: { day: string; solvedShare: number }[] }[];
}

/**
 * The overview: a students × exercises matrix (best score, attempts, late) and the class's progress by topic over time,
 * from the grade cells of the course's counted students (staff, test and dropped students are left out), or of one
 * section's.
 */
export async function getCourseOverview(db: Database, course: CurrentCourse, filter: StudentFilter = {}): Promise<CourseOverview> {
  const [columns, students, cells] = await Promise.all([
    courseColumns(db, course.id, { includeUnpublished: true }),
    listCountedStudents(db, course.id, filter),
    courseOverviewCells(db, course.id, filter),
  ]);
  const exerciseIndex = new Map(columns.map((c, i) => [c.exerciseId, i]));
  const studentIndex = new Map(students.map((s, i) => [s.userId, i]));
  const matrix: (OverviewCellView | null)[][] = students.map(() => columns.map(() => null));
  const totals = students.map(() => ({ total: 0, solved: 0 }));
  const firstSolves: { topic: string; at: Date }[] = [];
  for (const cell of cells) {
    const row = studentIndex.get(cell.userId);
    const column = exerciseIndex.get(cell.exerciseId);
    if (row === undefined || column === undefined) continue;
    matrix[row]![column] = { score: cell.bestScore, attempts: cell.attempts, solved: cell.solved, late: cell.late };
    totals[row]!.total += (cell.bestScore ?? 0) * columns[column]!.maxPoints;
    if (cell.solved) totals[row]!.solved++;
    if (cell.firstSolvedAt) firstSolves.push({ topic: columns[column]!.topic, at: cell.firstSolvedAt });
  }
  return {
    course: { slug: course.slug, title: course.title, timeZone: course.timeZone },
    exercises: columns.map(({ exerciseId, slug, title, topic, kind, maxPoints, published }) => ({
      exerciseId,
      slug,
      title,
      topic,
      kind,
      maxPoints,
      published,
    })),
    students: students.map((s, i) => ({ ...s, total: round(totals[i]!.total), solved: totals[i]!.solved })),
    cells: matrix,
    progress: progressByTopic(columns, students.length, firstSolves, course.timeZone),
  };
}

function progressByTopic(columns: CourseColumn[], studentCount: number, firstSolves: { topic: string; at: Date }[], timeZone: string) {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return topics
    .map((topic) => {
      const pairs = columns.filter((c) => c.topic === topic.id && c.published).length * studentCount;
      const perDay = new Map<string, number>();
      for (const solve of firstSolves)
        if (solve.topic === topic.id) perDay.set(day.format(solve.at), (perDay.get(day.format(solve.at)) ?? 0) + 1);
      let running = 0;
      const points = [...perDay.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([date, solved]) => {
          running += solved;
          return { day: date, solvedShare: pairs === 0 ? 0 : round(running / pairs) };
        });
      return { topic: topic.id, title: topic.title, points, pairs };
    })
    .filter((topic) => topic.pairs > 0)
    .map(({ pairs: _pairs, ...topic }) => topic);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
