import { afterEach, expect, it } from 'vitest';
import { gradeContained, type GradingProcessPool } from '../../src/process';
import { solution, testPool } from './harness';

let pool: GradingProcessPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

/** The time a grade of the variant spent on its reference (solving it, or finding it solved). */
async function referenceMs(variant: number): Promise<number> {
  const grade = await gradeContained(pool!, { exercise: 'mlp-forward-code', variant, submission: { kind: 'code', code: solution } });
  if (grade.kind !== 'graded') throw new Error(`expected a grade, got ${JSON.stringify(grade)}`);
  expect(grade.result.score).toBe(1);
  return grade.result.timings.referenceMs!;
}

it("solves a catalogue variant's reference in its child ahead of the grade, which then finds it solved", async () => {
  ({ pool } = testPool({ children: 1 }));
  await pool.ready();
  // A child's first variants are solved cold (tens of ms): past them, a variant solved by its grade (27 cases through
  // tfjs) takes a millisecond or more, and one found solved a few microseconds.
  await referenceMs(1000);
  const solvedByTheGrade = await referenceMs(1001);
  // The prepare message reaches the child before the grade's, and the child solves it before taking the grade.
  pool.prepare({ exercise: 'mlp-forward-code', variant: 2002 });
  const solvedAhead = await referenceMs(2002);
  expect(solvedByTheGrade).toBeGreaterThan(0.5);
  expect(solvedAhead).toBeLessThan(Math.min(0.3, solvedByTheGrade / 5));
  // Again for the same variant: nothing is sent, and the grade still finds it solved.
  pool.prepare({ exercise: 'mlp-forward-code', variant: 2002 });
  expect(await referenceMs(2002)).toBeLessThan(Math.min(0.3, solvedByTheGrade / 5));
});

it('leaves alone what is not a catalogue exercise, and grades as before', async () => {
  ({ pool } = testPool({ children: 1 }));
  await pool.ready();
  pool.prepare({ exercise: 'no-such-exercise', variant: 1 });
  // Graded as before; its own variant was not prepared, so the grade solves it.
  expect(await referenceMs(3003)).toBeGreaterThan(0.5);
  await pool.close();
  // A closed pool sends nothing.
  expect(() => pool!.prepare({ exercise: 'mlp-forward-code', variant: 4004 })).not.toThrow();
});
