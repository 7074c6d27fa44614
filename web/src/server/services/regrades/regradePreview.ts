import { listRegradeItems, listRegrades, selectOptionalRegrade, type Database, type RegradeItemView } from '@deltalab/db';
import { storedGradeResult } from '@/server/grading/storedResult';
import type { CurrentCourse } from '../courses/getCurrentCourse';
import { SubmissionError } from '../submissions/submissionError';

interface RegradeChange {
  itemId: string;
  submissionId: string;
  student: { userId: string; email: string; name: string };
  attempt: number;
  oldScore: number | null;
  newScore: number | null;
  /** new − old (null while grading or when the grader failed). */
  delta: number | null;
  /** Which cases or fields changed verdict, in one line. */
  why: string;
  status: string;
}

export interface RegradePreview {
  id: string;
  status: string;
  exercise: string;
  versionNumber: number;
  scope: unknown;
  requestedBy: string | null;
  createdAt: string;
  appliedBy: string | null;
  appliedAt: string | null;
  neverLower: boolean | null;
  items: number;
  graded: number;
  failed: number;
  summary: { raised: number; lowered: number; unchanged: number };
  /** Only the submissions whose grade changes (all of them are listed in `items` counts). */
  changes: RegradeChange[];
}

/** POST /api/instructor/regrade/:id/apply's answer: how many submissions changed, and the regrade now. */
export type AppliedRegrade = { changed: number; regrade: RegradePreview };

/**
 * What a regrade would do before it is applied: who changes, by how much, and why (the cases or fields whose verdict
 * changed). While items are still being graded, `status` is `grading` and the figures cover those graded so far.
 */
export async function getRegradePreview(db: Database, course: CurrentCourse, regradeId: string): Promise<RegradePreview> {
  const regrade = await selectOptionalRegrade(db, regradeId);
  if (!regrade || regrade.courseId !== course.id) throw new SubmissionError('not-found', `No regrade ${regradeId} in ${course.title}.`);
  const [items, listed] = await Promise.all([
    listRegradeItems(db, regradeId),
    listRegrades(db, course.id, { exerciseId: regrade.exerciseId }),
  ]);
  const meta = listed.find((r) => r.id === regradeId)!;
  const changes: RegradeChange[] = [];
  const summary = { raised: 0, lowered: 0, unchanged: 0 };
  for (const item of items) {
    if (item.status !== 'graded') continue;
    const delta = (item.newScore ?? 0) - (item.oldScore ?? 0);
    const why = changeReason(item);
    if (Math.abs(delta) < 1e-9 && why === '') {
      summary.unchanged++;
      continue;
    }
    if (delta > 1e-9) summary.raised++;
    else if (delta < -1e-9) summary.lowered++;
    else summary.unchanged++;
    changes.push({
      itemId: item.itemId,
      submissionId: item.submissionId,
      student: { userId: item.userId, email: item.email, name: item.name },
      attempt: item.attempt,
      oldScore: item.oldScore,
      newScore: item.newScore,
      delta: Math.round(delta * 1e6) / 1e6,
      why: why || 'feedback changed',
      status: item.status,
    });
  }
  return {
    id: regrade.id,
    status: regrade.status,
    exercise: meta.slug,
    versionNumber: meta.versionNumber,
    scope: regrade.scope,
    requestedBy: meta.requestedBy,
    createdAt: regrade.createdAt.toISOString(),
    appliedBy: meta.appliedBy,
    appliedAt: regrade.appliedAt?.toISOString() ?? null,
    neverLower: regrade.neverLower,
    items: items.length,
    graded: items.filter((i) => i.status === 'graded').length,
    failed: items.filter((i) => i.status === 'failed').length,
    summary,
    changes: changes.sort((a, b) => (b.delta ?? 0) - (a.delta ?? 0) || a.student.name.localeCompare(b.student.name)),
  };
}

type Verdicts = Map<string, string>;

function verdicts(result: unknown): Verdicts {
  const map: Verdicts = new Map();
  const r = storedGradeResult(result);
  for (const c of r?.cases ?? []) map.set(`case ${c.name}`, c.passed ? 'passed' : 'failed');
  for (const f of r?.fields ?? []) map.set(f.name, f.status);
  return map;
}

/** "z2_1: wrong → correct; case hidden-3: failed → passed" — the verdicts that differ between the two results. */
export function changeReason(item: Pick<RegradeItemView, 'oldResult' | 'newResult'>): string {
  const before = verdicts(item.oldResult);
  const after = verdicts(item.newResult);
  const parts: string[] = [];
  for (const [name, verdict] of after) {
    const old = before.get(name);
    if (old !== verdict) parts.push(`${name}: ${old ?? 'absent'} → ${verdict}`);
  }
  for (const [name, verdict] of before) if (!after.has(name)) parts.push(`${name}: ${verdict} → absent`);
  return parts.slice(0, 6).join('; ') + (parts.length > 6 ? `; and ${parts.length - 6} more` : '');
}

/** A course's regrades, newest first (every regrade is kept). */
export async function listCourseRegrades(db: Database, course: CurrentCourse) {
  return (await listRegrades(db, course.id)).map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt).toISOString(),
    appliedAt: r.appliedAt ? new Date(r.appliedAt).toISOString() : null,
  }));
}

/** Waits (up to `seconds`) for a regrade's items to be graded; returns its preview either way. */
export async function waitForRegradePreview(
  db: Database,
  course: CurrentCourse,
  regradeId: string,
  seconds: number,
): Promise<RegradePreview> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const regrade = await selectOptionalRegrade(db, regradeId);
    if (!regrade || regrade.status !== 'grading' || Date.now() >= deadline) return getRegradePreview(db, course, regradeId);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
