import { insertAssessment, listAssessments, listCourseExercises, upsertCourseExercise, type Database } from '@deltalab/db';
import { topics } from '@deltalab/exercises';

/** The demo course's quiz: 20 minutes, 3 of these 5 activation questions, points declining per attempt. */
export const demoQuiz = {
  slug: 'quiz-activations',
  title: 'Quiz: activation functions',
  pool: ['activation-values', 'activation-derivatives', 'softmax-values', 'tanh-from-sigmoid', 'tanh-derivative-expression'],
  choose: 3,
  timeLimitMinutes: 20,
  pointsPerAttempt: [10, 7, 5],
} as const;

/**
 * A course without assessments gets one homework per topic of the notes (per topic and due date where a topic's
 * exercises have several, so every exercise keeps its own), one slot per exercise in course order: what migration 0009
 * does to existing courses. With `quiz`, the demo quiz's exercises go into a 20-minute exam (a pool, 3 of 5) instead,
 * due `quizDueAt`. Nothing happens to a course that has assessments already.
 */
export async function ensureTopicHomework(
  db: Database,
  courseId: string,
  options: { quiz?: boolean; quizDueAt?: Date | null } = {},
): Promise<number> {
  if ((await listAssessments(db, courseId)).length > 0) return 0;
  const exercises = await listCourseExercises(db, courseId, { includeUnpublished: true });
  const quizSlugs = new Set<string>(options.quiz ? demoQuiz.pool : []);
  const quizIds = exercises.filter((e) => quizSlugs.has(e.slug)).map((e) => e.exerciseId);
  const groups = new Map<string, typeof exercises>();
  for (const exercise of exercises) {
    if (quizSlugs.has(exercise.slug)) continue;
    const key = `${exercise.topic}|${exercise.dueAt?.toISOString() ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), exercise]);
  }
  const titles = new Map<string, string>(topics.map((t) => [t.id, t.title]));
  const perTopic = new Map<string, number>();
  for (const [key] of groups) perTopic.set(key.split('|')[0]!, (perTopic.get(key.split('|')[0]!) ?? 0) + 1);
  const seen = new Map<string, number>();
  let position = 0;
  for (const [key, list] of groups) {
    const topic = key.split('|')[0]!;
    const n = (seen.get(topic) ?? 0) + 1;
    seen.set(topic, n);
    const several = perTopic.get(topic)! > 1;
    await insertAssessment(db, {
      courseId,
      slug: several ? `${topic}-${n}` : topic,
      title: `${titles.get(topic) ?? topic}${several ? ` (${n})` : ''}`,
      type: 'homework',
      position: position++,
      dueAt: list[0]!.dueAt,
      slots: list.map((e) => ({ exerciseIds: [e.exerciseId] })),
    });
  }
  if (quizIds.length > 0) {
    // An exam's scores, feedback and answers stay hidden until an instructor releases them.
    for (const exerciseId of quizIds)
      await upsertCourseExercise(db, { courseId, exerciseId, showScore: 'never', showFeedback: 'never', showAnswers: 'never' });
    await insertAssessment(db, {
      courseId,
      slug: demoQuiz.slug,
      title: demoQuiz.title,
      type: 'exam',
      position: position++,
      dueAt: options.quizDueAt ?? null,
      timeLimitMinutes: demoQuiz.timeLimitMinutes,
      honorCode: true,
      slots: [
        {
          exerciseIds: quizIds,
          choose: Math.min(demoQuiz.choose, quizIds.length),
          points: demoQuiz.pointsPerAttempt[0],
          pointsPerAttempt: [...demoQuiz.pointsPerAttempt],
        },
      ],
    });
  }
  return position;
}
