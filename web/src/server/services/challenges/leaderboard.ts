import {
  challengeBoard,
  claimVerifyAfterDeadline,
  selectChallengeEntry,
  selectEntryBoundaries,
  type ChallengeBoardRow,
  type Database,
} from '@deltalab/db';
import { challengeData, checkModelUpload, evaluateChallengeModel, hashString } from '@deltalab/exercises';
import { loadChallenge, type ChallengeExerciseDef } from './challengeContext';
import { queueVerify } from './entries';

/** Entries re-trained by Verify after the deadline, from the top of the private board. */
const VERIFY_TOP = 3;
/** Entries whose decision boundary is shown over the hidden test points after the reveal. */
const BOUNDARIES_SHOWN = 3;

export interface BoardRow {
  /** null for a baseline (a reference row, not ranked). */
  rank: number | null;
  name: string;
  /** Instructors only. */
  realName?: string;
  publicScore: number;
  /** After the reveal for everyone; instructors always. */
  privateScore?: number | null;
  params: number;
  entries: number | null;
  lastEntryAt: string | null;
  baseline: boolean;
  verified: boolean;
  verifyStatus: string | null;
  /** The entry the row stands for (instructors: to Verify it). */
  entryId?: string;
  final?: boolean;
  mine?: boolean;
}

type BaselineScores = { name: string; params: number; publicScore: number; privateScore: number };
const baselineCache = new Map<string, BaselineScores[]>();

/** The committed baselines scored like any entry (the course's own models, cached per exercise version). */
function baselineRows(exercise: ChallengeExerciseDef): BaselineScores[] {
  let rows = baselineCache.get(exercise.contentHash);
  if (!rows) {
    const classes = challengeData(exercise).train.classes;
    rows = exercise.baselines.flatMap((baseline) => {
      const check = checkModelUpload(baseline.model, { model: exercise.model, classes });
      if (!check.ok) return [];
      const scores = evaluateChallengeModel(exercise, check.model);
      return [{ name: baseline.name, params: check.model.params, publicScore: scores.publicScore, privateScore: scores.privateScore }];
    });
    baselineCache.set(exercise.contentHash, rows);
  }
  return rows;
}

/** The name a student shows: the one they chose, else a stable pseudonym (real names are for instructors). */
function boardName(row: Pick<ChallengeBoardRow, 'alias' | 'userId'>): string {
  return row.alias ?? `Anonymous ${(hashString(row.userId) % 46656).toString(36).padStart(3, '0')}`;
}

/**
 * The board: one row per student (their best public entry; after the deadline the entry that counts: the best private
 * among their finals, else their best public one), ranked by the split that decides, fewer parameters first on ties,
 * with the baselines as reference rows. After the deadline the top entries are queued for Verify once, and the top
 * entries' decision boundaries come with the hidden test points they were scored on.
 */
export async function getLeaderboard(db: Database, userId: string, slug: string, enqueue: (id: string) => Promise<void>, now = new Date()) {
  const context = await loadChallenge(db, userId, slug, now);
  const { exercise, course, courseExercise, revealed, seesAll } = context;
  const board = await challengeBoard(db, course.id, courseExercise.exerciseId);
  const decisive = (row: ChallengeBoardRow) => (revealed ? row.counted : row.best);
  board.sort((a, b) => {
    const sa = (revealed ? decisive(a).privateScore : decisive(a).publicScore) ?? -1;
    const sb = (revealed ? decisive(b).privateScore : decisive(b).publicScore) ?? -1;
    return sb - sa || decisive(a).params - decisive(b).params || a.lastEntryAt.getTime() - b.lastEntryAt.getTime();
  });
  const showPrivate = revealed || seesAll;
  const students: BoardRow[] = board.map((row, index) => {
    const entry = decisive(row);
    return {
      rank: index + 1,
      name: boardName(row),
      ...(seesAll ? { realName: row.realName, entryId: entry.submissionId } : {}),
      publicScore: row.best.publicScore,
      ...(showPrivate ? { privateScore: entry.privateScore } : {}),
      params: entry.params,
      entries: row.entries,
      lastEntryAt: row.lastEntryAt.toISOString(),
      baseline: false,
      verified: entry.verifyStatus === 'verified',
      verifyStatus: entry.verifyStatus,
      ...(revealed ? { final: row.counted.final } : {}),
      mine: row.userId === userId,
    };
  });
  const baselines: BoardRow[] = baselineRows(exercise).map((b) => ({
    rank: null,
    name: b.name,
    publicScore: b.publicScore,
    ...(showPrivate ? { privateScore: b.privateScore } : {}),
    params: b.params,
    entries: null,
    lastEntryAt: null,
    baseline: true,
    verified: false,
    verifyStatus: null,
  }));
  const score = (r: BoardRow) => (revealed ? (r.privateScore ?? -1) : r.publicScore);
  const rows = [...students, ...baselines].sort(
    (a, b) => score(b) - score(a) || (a.baseline === b.baseline ? (a.rank ?? 0) - (b.rank ?? 0) : a.baseline ? 1 : -1),
  );

  let reveal: { top: { rank: number; name: string; boundary: string }[]; test: { x: number[][]; y: number[] } } | undefined;
  if (revealed) {
    if (await claimVerifyAfterDeadline(db, course.id, courseExercise.exerciseId)) {
      for (const row of board.slice(0, VERIFY_TOP)) {
        const entry = await selectChallengeEntry(db, row.counted.submissionId);
        if (entry) await queueVerify(db, entry, enqueue);
      }
    }
    const top = board.slice(0, BOUNDARIES_SHOWN);
    const boundaries = await selectEntryBoundaries(
      db,
      top.map((row) => row.counted.submissionId),
    );
    const { privateTest } = challengeData(exercise);
    reveal = {
      top: top.flatMap((row, i) => {
        const boundary = boundaries.get(row.counted.submissionId);
        return boundary ? [{ rank: i + 1, name: boardName(row), boundary }] : [];
      }),
      // After the deadline the private half may be shown: it is what decided the board.
      test: { x: privateTest.x, y: privateTest.y },
    };
  }
  return {
    revealed,
    deadline: context.deadline?.toISOString() ?? null,
    verifyMargin: exercise.verifyMargin,
    rows,
    ...(reveal ? { reveal } : {}),
  };
}

export type Leaderboard = Awaited<ReturnType<typeof getLeaderboard>>;
