import { describe, expect, it } from 'vitest';
import {
  attemptFactor,
  creditAt,
  creditTimeline,
  drawFromPool,
  drawUnits,
  effectiveDueAt,
  formatTimeLeft,
  instanceEndsAt,
  instanceState,
  isExtended,
  isPool,
  overrideFor,
  poolUnits,
  questionsPerStudent,
  type AssessmentTiming,
  type OverrideRule,
} from '@/lib/assessmentRules';

const at = (iso: string) => new Date(iso);
const homework: AssessmentTiming = {
  type: 'homework',
  releaseAt: at('2026-03-01T00:00:00Z'),
  dueAt: at('2026-03-08T23:59:00Z'),
  lateDeadlines: [
    { until: '2026-03-15T23:59:00Z', credit: 0.5 },
    { until: '2026-03-10T23:59:00Z', credit: 0.8 },
  ],
  afterLastDeadline: 'view-only',
  timeLimitMinutes: null,
};
const exam: AssessmentTiming = {
  type: 'exam',
  releaseAt: at('2026-04-01T09:00:00Z'),
  dueAt: at('2026-04-01T11:00:00Z'),
  lateDeadlines: [],
  afterLastDeadline: 'view-only',
  timeLimitMinutes: 20,
};
const student = (o: Partial<OverrideRule>): OverrideRule => ({
  userId: 'u1',
  section: null,
  dueAt: null,
  extraMinutes: null,
  timeFactor: null,
  ...o,
});
const section = (o: Partial<OverrideRule>): OverrideRule => ({
  userId: null,
  section: 'Lab B',
  dueAt: null,
  extraMinutes: null,
  timeFactor: null,
  ...o,
});

describe('credit timeline', () => {
  it.each([
    ['2026-02-28T23:59:59Z', 'not-released', null],
    ['2026-03-01T00:00:00Z', 'open', 1],
    ['2026-03-08T23:59:00Z', 'open', 1],
    ['2026-03-08T23:59:01Z', 'late', 0.8],
    ['2026-03-10T23:59:00Z', 'late', 0.8],
    ['2026-03-11T00:00:00Z', 'late', 0.5],
    ['2026-03-15T23:59:00Z', 'late', 0.5],
    ['2026-03-16T00:00:00Z', 'view-only', null],
  ])('at %s: %s, credit %s', (now, phase, credit) => {
    const step = creditAt(homework, at(now));
    expect(step.phase).toBe(phase);
    expect(step.credit).toBe(credit);
  });

  it('orders late deadlines and lists every step students see', () => {
    expect(creditTimeline(homework).map((s) => [s.phase, s.credit, s.until?.toISOString() ?? null])).toEqual([
      ['not-released', null, '2026-03-01T00:00:00.000Z'],
      ['open', 1, '2026-03-08T23:59:00.000Z'],
      ['late', 0.8, '2026-03-10T23:59:00.000Z'],
      ['late', 0.5, '2026-03-15T23:59:00.000Z'],
      ['view-only', null, null],
    ]);
  });

  it('after the last deadline gives zero credit when asked to, instead of view-only', () => {
    expect(creditAt({ ...homework, afterLastDeadline: 'zero' }, at('2026-04-01T00:00:00Z'))).toMatchObject({ phase: 'late', credit: 0 });
  });

  it('a homework without late deadlines follows the course late policy after its due date (credit null); an exam closes', () => {
    const plain = { ...homework, lateDeadlines: [] };
    expect(creditAt(plain, at('2026-05-01T00:00:00Z'))).toMatchObject({ phase: 'late', credit: null });
    expect(creditAt(exam, at('2026-04-01T11:00:01Z'))).toMatchObject({ phase: 'view-only' });
    expect(creditAt({ ...plain, dueAt: null, releaseAt: null }, at('2030-01-01T00:00:00Z'))).toMatchObject({ phase: 'open', credit: 1 });
  });

  it('an extension moves the due date and drops late deadlines before it', () => {
    const o = student({ dueAt: at('2026-03-12T23:59:00Z') });
    expect(creditAt(homework, at('2026-03-12T12:00:00Z'), o)).toMatchObject({ phase: 'open', credit: 1 });
    expect(creditAt(homework, at('2026-03-13T12:00:00Z'), o)).toMatchObject({ phase: 'late', credit: 0.5 });
    expect(isExtended(homework, o)).toBe(true);
    expect(isExtended(homework, undefined)).toBe(false);
  });
});

describe('overrides', () => {
  it("a student's own override beats their section's", () => {
    const own = student({ dueAt: at('2026-03-20T00:00:00Z') });
    const theirs = section({ dueAt: at('2026-03-18T00:00:00Z') });
    expect(overrideFor([theirs, own], 'u1', 'Lab B')).toBe(own);
    expect(overrideFor([theirs], 'u1', 'Lab B')).toBe(theirs);
    expect(overrideFor([theirs], 'u1', 'Lab A')).toBeUndefined();
    expect(overrideFor([theirs], 'u1', null)).toBeUndefined();
    expect(effectiveDueAt(homework, theirs)).toEqual(at('2026-03-18T00:00:00Z'));
  });
});

describe('exam instances by the server clock', () => {
  const started = at('2026-04-01T09:30:00Z');
  it('closes at the time limit', () => {
    expect(instanceEndsAt(exam, started)).toEqual(at('2026-04-01T09:50:00Z'));
    expect(instanceState(exam, { startedAt: started, closedAt: null }, at('2026-04-01T09:49:59.999Z')).open).toBe(true);
    expect(instanceState(exam, { startedAt: started, closedAt: null }, at('2026-04-01T09:50:00Z'))).toMatchObject({
      open: false,
      reason: 'time-limit',
    });
  });
  it('closes at the deadline when that comes first', () => {
    const late = at('2026-04-01T10:50:00Z');
    expect(instanceEndsAt(exam, late)).toEqual(at('2026-04-01T11:00:00Z'));
    expect(instanceState(exam, { startedAt: late, closedAt: null }, at('2026-04-01T11:00:00Z'))).toMatchObject({
      open: false,
      reason: 'deadline',
    });
  });
  it('extra minutes and a time factor lengthen the limit; a later due date the cap', () => {
    expect(instanceEndsAt(exam, started, student({ extraMinutes: 10 }))).toEqual(at('2026-04-01T10:00:00Z'));
    expect(instanceEndsAt(exam, started, student({ timeFactor: 1.5 }))).toEqual(at('2026-04-01T10:00:00Z'));
    expect(instanceEndsAt(exam, at('2026-04-01T10:50:00Z'), student({ timeFactor: 2 }))).toEqual(at('2026-04-01T11:00:00Z'));
    expect(instanceEndsAt(exam, at('2026-04-01T10:50:00Z'), student({ timeFactor: 2, dueAt: at('2026-04-01T12:00:00Z') }))).toEqual(
      at('2026-04-01T11:30:00Z'),
    );
  });
  it('without a time limit the deadline (plus extra minutes) closes it', () => {
    const untimed = { ...exam, timeLimitMinutes: null };
    expect(instanceEndsAt(untimed, started, student({ extraMinutes: 15 }))).toEqual(at('2026-04-01T11:15:00Z'));
    expect(instanceEndsAt({ ...untimed, dueAt: null }, started)).toBeNull();
  });
  it('finishing early closes it at that moment', () => {
    const s = instanceState(exam, { startedAt: started, closedAt: at('2026-04-01T09:40:00Z') }, at('2026-04-01T09:41:00Z'));
    expect(s).toMatchObject({ open: false, reason: 'finished' });
    expect(s.endsAt).toEqual(at('2026-04-01T09:40:00Z'));
  });
  it('holds to the millisecond around the limit (the clock moved, no sleeping)', () => {
    for (let ms = -1000; ms <= 1000; ms += 250) {
      const now = new Date(at('2026-04-01T09:50:00Z').getTime() + ms);
      expect(instanceState(exam, { startedAt: started, closedAt: null }, now).open).toBe(ms < 0);
    }
  });
});

describe('points per attempt', () => {
  it.each([
    [1, [10, 7, 5], 0, 1],
    [2, [10, 7, 5], 0, 0.7],
    [3, [10, 7, 5], 0, 0.5],
    [4, [10, 7, 5], 0, 0.5],
    [1, null, 0.25, 1],
    [3, null, 0.25, 0.5],
    [9, null, 0.25, 0],
    [2, [], 0.1, 0.9],
  ])('attempt %i with %j and decay %f earns %f', (attempt, list, decay, factor) => {
    expect(attemptFactor(attempt, list, decay)).toBeCloseTo(factor, 10);
  });
});

describe('pools', () => {
  const pool = ['a', 'b', 'c', 'd', 'e'];
  it('draws the same exercises from the same seed, in the pool order', () => {
    const first = drawFromPool('seed-1', pool, 3);
    expect(first).toHaveLength(3);
    expect(drawFromPool('seed-1', pool, 3)).toEqual(first);
    expect([...first].sort()).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });
  it('different seeds spread over the whole pool', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 500; i++) for (const x of drawFromPool(`s${i}`, pool, 3)) counts.set(x, (counts.get(x) ?? 0) + 1);
    for (const x of pool) expect(counts.get(x)).toBeGreaterThan(200);
  });
  it('choose beyond the pool gives the whole pool', () => {
    expect(drawFromPool('x', pool, 9)).toEqual(pool);
  });
});

describe('pools of groups (PrairieLearn #11754)', () => {
  const slot = { choose: 1, exerciseIds: ['a', 'b', 'c', 'd'], exerciseGroups: [1, 2, 1, 2] };
  it('groups exercises by number in the order of their first exercise; ungrouped ones stand alone', () => {
    expect(poolUnits(slot)).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
    expect(poolUnits({ exerciseIds: ['x', 'a', 'b'], exerciseGroups: [null, 3, 3] })).toEqual([['x'], ['a', 'b']]);
  });
  it('draws whole groups, the same from the same seed, each group as often over many seeds', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const drawn = drawUnits(`s${i}`, slot);
      expect([
        ['a', 'c'],
        ['b', 'd'],
      ]).toContainEqual(drawn);
      expect(drawUnits(`s${i}`, slot)).toEqual(drawn);
      counts.set(drawn.join(), (counts.get(drawn.join()) ?? 0) + 1);
    }
    expect(counts.get('a,c')).toBeGreaterThan(150);
    expect(counts.get('b,d')).toBeGreaterThan(150);
  });
  it('counts choose in groups: a pool while fewer are chosen than it has, each student getting choose × group size', () => {
    expect(isPool(slot)).toBe(true);
    expect(questionsPerStudent(slot)).toBe(2);
    expect(isPool({ ...slot, choose: 2 })).toBe(false);
    expect(questionsPerStudent({ ...slot, choose: 2 })).toBe(4);
    expect(questionsPerStudent({ choose: 3, exerciseIds: ['a', 'b', 'c', 'd', 'e'], exerciseGroups: [] })).toBe(3);
  });
});

describe('time left', () => {
  it.each([
    [0, '0 s'],
    [-5, '0 s'],
    [59_999, '59 s'],
    [249_000, '4 min 09 s'],
    [3_900_000, '1 h 05 min'],
  ])('%i ms: %s', (ms, text) => {
    expect(formatTimeLeft(ms)).toBe(text);
  });
});
