import { courseCan } from '@/server/auth/permissions';
import { countChallengeEntriesSince, selectChallengeName, type Database } from '@deltalab/db';
import { challengeBounds, instantiateVariant, publicTrainingSet } from '@deltalab/exercises';
import { loadChallenge } from './challengeContext';

/**
 * GET /api/challenges/:slug and the page: the statement, the rules (allowed layers, limits, deadline), this student's
 * entries left today and name, and the public training set. Never a test point, the dataset's seed or a private score.
 */
export async function getChallenge(db: Database, userId: string, slug: string, now = new Date()) {
  const context = await loadChallenge(db, userId, slug, now);
  const { exercise, course, courseExercise } = context;
  const [usedToday, name] = await Promise.all([
    countChallengeEntriesSince(db, userId, course.id, courseExercise.exerciseId, context.dayStart),
    selectChallengeName(db, course.id, userId),
  ]);
  const view = instantiateVariant(exercise, 'canonical');
  const train = publicTrainingSet(exercise);
  return {
    slug: exercise.slug,
    title: exercise.title,
    points: exercise.points,
    statementMarkdown: view.statementMarkdown,
    starter: exercise.starter,
    typeDeclarations: exercise.typeDeclarations,
    metric: exercise.metric,
    threshold: exercise.threshold,
    credit: exercise.credit,
    allowedLayers: exercise.model.layers,
    activations: exercise.model.activations,
    limits: {
      maxParams: exercise.model.maxParams,
      maxUploadKb: exercise.model.maxUploadKb,
      entriesPerDay: context.entriesPerDay,
      maxEpochs: exercise.maxEpochs,
      maxFinal: exercise.maxFinal,
      sourceKb: exercise.limits.sourceKb,
    },
    verifyMargin: exercise.verifyMargin,
    deadline: context.deadline?.toISOString() ?? null,
    revealed: context.revealed,
    timeZone: course.timeZone,
    entriesToday: usedToday,
    entriesLeftToday: Math.max(0, context.entriesPerDay - usedToday),
    nextEntriesAt: context.nextDayStart.toISOString(),
    name,
    /** What the page offers this user: everyone's entries, the settings form, Verify. */
    rights: {
      seesAll: context.seesAll,
      editSettings: courseCan(context.standing, 'course.settings.edit'),
      verify: courseCan(context.standing, 'challenge.verify'),
    },
    bounds: challengeBounds(exercise),
    train: { x: train.x, y: train.y },
    classes: train.classes,
  };
}

export type ChallengeView = Awaited<ReturnType<typeof getChallenge>>;
