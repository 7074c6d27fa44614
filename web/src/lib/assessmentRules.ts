/**
 * The rules of assessments, as pure functions of dates (no database, no clock of their own: `now` is always passed, so
 * the tests move the clock instead of sleeping): an assessment's credit at a moment (its timeline), the due date and
 * time limit a student's overrides give them, whether an exam instance is still open, the points an attempt earns, and
 * a pool's draw from its recorded seed.
 */

interface LateDeadlineRule {
  /** ISO date-time. */
  until: string;
  credit: number;
}

export interface AssessmentTiming {
  type: 'homework' | 'exam';
  releaseAt: Date | null;
  dueAt: Date | null;
  lateDeadlines: LateDeadlineRule[];
  afterLastDeadline: 'view-only' | 'zero';
  timeLimitMinutes: number | null;
}

/** An override as the rules need it (a student's own or their section's). */
export interface OverrideRule {
  userId: string | null;
  section: string | null;
  dueAt: Date | null;
  extraMinutes: number | null;
  timeFactor: number | null;
}

/** The override that applies to a student: their own beats their section's; undefined when neither exists. */
export function overrideFor<T extends OverrideRule>(overrides: T[], userId: string, section: string | null): T | undefined {
  return (
    overrides.find((o) => o.userId === userId) ??
    (section === null ? undefined : overrides.find((o) => o.userId === null && o.section === section))
  );
}

/** The student's due date: the override's when it sets one, else the assessment's. */
export function effectiveDueAt(timing: AssessmentTiming, override: OverrideRule | undefined): Date | null {
  return override?.dueAt ?? timing.dueAt;
}

/** Whether the student's due date is later than everyone's ("Your due date: …, extended"). */
export function isExtended(timing: AssessmentTiming, override: OverrideRule | undefined): boolean {
  const due = effectiveDueAt(timing, override);
  if (!override) return false;
  if (override.dueAt && timing.dueAt && due && due.getTime() > timing.dueAt.getTime()) return true;
  return (override.extraMinutes ?? 0) > 0 || (override.timeFactor ?? 1) > 1;
}

/** One step of the credit timeline students see: from `from` until `until` (null: open-ended), this credit. */
export interface TimelineStep {
  from: Date | null;
  until: Date | null;
  /** 0..1; null: the course's late policy (a homework without late deadlines, after its due date). */
  credit: number | null;
  /** 'view-only': no submissions then. */
  phase: 'not-released' | 'open' | 'late' | 'view-only';
}

/**
 * The whole timeline a student sees: not released until the release date, full credit until their due date, each
 * late deadline's credit (those before their due date dropped), then view-only or zero.
 */
export function creditTimeline(timing: AssessmentTiming, override?: OverrideRule): TimelineStep[] {
  const due = effectiveDueAt(timing, override);
  const steps: TimelineStep[] = [];
  if (timing.releaseAt) steps.push({ from: null, until: timing.releaseAt, credit: null, phase: 'not-released' });
  steps.push({ from: timing.releaseAt, until: due, credit: 1, phase: 'open' });
  if (!due) return steps;
  const late = timing.lateDeadlines
    .map((d) => ({ until: new Date(d.until), credit: d.credit }))
    .filter((d) => d.until.getTime() > due.getTime())
    .sort((a, b) => a.until.getTime() - b.until.getTime());
  let from = due;
  for (const d of late) {
    steps.push({ from, until: d.until, credit: d.credit, phase: 'late' });
    from = d.until;
  }
  if (late.length === 0) {
    // Without late deadlines a homework goes on under the course's late policy; an exam closes.
    steps.push(
      timing.type === 'homework'
        ? { from, until: null, credit: null, phase: 'late' }
        : { from, until: null, credit: null, phase: 'view-only' },
    );
  } else {
    steps.push(
      timing.afterLastDeadline === 'zero'
        ? { from, until: null, credit: 0, phase: 'late' }
        : { from, until: null, credit: null, phase: 'view-only' },
    );
  }
  return steps;
}

/** The step of the timeline `now` falls in (a step's `until` is the last moment it covers). */
export function creditAt(timing: AssessmentTiming, now: Date, override?: OverrideRule): TimelineStep {
  const steps = creditTimeline(timing, override);
  const t = now.getTime();
  for (const step of steps) {
    if (step.phase === 'not-released') {
      if (t < step.until!.getTime()) return step;
    } else if (step.until === null || t <= step.until.getTime()) return step;
  }
  return steps[steps.length - 1]!;
}

/**
 * When an exam instance started at `startedAt` ends by the clock: the time limit (times the override's factor, plus its
 * extra minutes) or the student's deadline, whichever comes first; without a time limit, the deadline plus any extra
 * minutes. Null: never by the clock.
 */
export function instanceEndsAt(timing: AssessmentTiming, startedAt: Date, override?: OverrideRule): Date | null {
  const due = effectiveDueAt(timing, override);
  const extraMs = (override?.extraMinutes ?? 0) * 60_000;
  if (timing.timeLimitMinutes === null) return due ? new Date(due.getTime() + extraMs) : null;
  const limitMs = timing.timeLimitMinutes * 60_000 * (override?.timeFactor ?? 1) + extraMs;
  const byLimit = startedAt.getTime() + Math.round(limitMs);
  return new Date(due ? Math.min(byLimit, due.getTime()) : byLimit);
}

export interface InstanceState {
  open: boolean;
  /** When it closes or closed (null: open with no end by the clock). */
  endsAt: Date | null;
  /** Why it is closed: finished by the student, the time limit, or the deadline. */
  reason: 'finished' | 'time-limit' | 'deadline' | null;
}

/** Whether an exam instance is open at `now` by the server's clock (the moment it ends it is closed). */
export function instanceState(
  timing: AssessmentTiming,
  instance: { startedAt: Date; closedAt: Date | null },
  now: Date,
  override?: OverrideRule,
): InstanceState {
  const endsAt = instanceEndsAt(timing, instance.startedAt, override);
  if (instance.closedAt && (!endsAt || instance.closedAt.getTime() < endsAt.getTime()))
    return { open: false, endsAt: instance.closedAt, reason: 'finished' };
  if (endsAt && now.getTime() >= endsAt.getTime()) {
    const due = effectiveDueAt(timing, override);
    const byDeadline = timing.timeLimitMinutes === null || (due !== null && endsAt.getTime() >= due.getTime());
    return { open: false, endsAt, reason: byDeadline ? 'deadline' : 'time-limit' };
  }
  return { open: true, endsAt, reason: null };
}

/**
 * The fraction of its points an attempt can earn: PrairieLearn's points per attempt (`[10, 7, 5]`: attempt 2 earns
 * 7/10; attempts past the list earn its last entry), else the course's decay (each attempt after the first loses it).
 */
export function attemptFactor(attempt: number, pointsPerAttempt: number[] | null, decay: number): number {
  if (pointsPerAttempt && pointsPerAttempt.length > 0 && pointsPerAttempt[0]! > 0) {
    const index = Math.min(Math.max(1, attempt), pointsPerAttempt.length) - 1;
    return Math.max(0, Math.min(1, pointsPerAttempt[index]! / pointsPerAttempt[0]!));
  }
  return Math.max(0, 1 - decay * Math.max(0, attempt - 1));
}

/** A 32-bit hash of text (FNV-1a): turns a recorded seed into the PRNG's state. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG, enough to shuffle a pool. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `choose` of a pool's exercises from a seed, in the pool's order: the same seed always draws the same. */
export function drawFromPool<T>(seed: string, pool: readonly T[], choose: number): T[] {
  const random = mulberry32(hash32(seed));
  const indices = pool.map((_, i) => i);
  for (let i = indices.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices
    .slice(0, Math.min(choose, pool.length))
    .sort((a, b) => a - b)
    .map((i) => pool[i]!);
}

/** A pool slot as the draw reads it: its exercises in order, each with its group number (null: alone). */
export interface PoolSlot {
  choose: number;
  exerciseIds: string[];
  exerciseGroups: (number | null)[];
}

/**
 * What a pool draws from: its groups (exercises with the same number, drawn together, PrairieLearn #11754) and its
 * ungrouped exercises one by one, in the order their first exercise has in the slot.
 */
export function poolUnits(slot: Pick<PoolSlot, 'exerciseIds' | 'exerciseGroups'>): string[][] {
  const units: string[][] = [];
  const byGroup = new Map<number, string[]>();
  slot.exerciseIds.forEach((id, i) => {
    const group = slot.exerciseGroups[i] ?? null;
    if (group === null) return void units.push([id]);
    const unit = byGroup.get(group);
    if (unit) return void unit.push(id);
    const fresh = [id];
    byGroup.set(group, fresh);
    units.push(fresh);
  });
  return units;
}

/** Whether a slot is a pool: each student gets `choose` of its units (groups or single exercises), drawn once. */
export function isPool(slot: PoolSlot): boolean {
  return slot.choose < poolUnits(slot).length;
}

/** The questions each student gets from a slot: `choose` units' worth in a pool (its groups are one size), else all. */
export function questionsPerStudent(slot: PoolSlot): number {
  if (!isPool(slot)) return slot.exerciseIds.length;
  return slot.choose * (poolUnits(slot)[0]?.length ?? 1);
}

/** A pool's draw from a seed: `choose` of its units, each group whole, in the slot's order. */
export function drawUnits(seed: string, slot: PoolSlot): string[] {
  return drawFromPool(seed, poolUnits(slot), slot.choose).flat();
}

/** Time left as people read it: "1 h 05 min", "4 min 09 s", "0 s". */
export function formatTimeLeft(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}
