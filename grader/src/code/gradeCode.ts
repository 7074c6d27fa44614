import type { CodeExercise, Exercise, ResolvedCase } from '@deltalab/exercises';
import { outputLimitBytes, sourceLimitBytes } from '@deltalab/exercises/rules';
import { compareWithTolerance } from '../compare/compareWithTolerance';
import type { CaseResult, Diagnosis, GradeError } from '../protocol';
import type { CodeReference } from '../reference/exerciseReference';
import { runInSandbox, type IsolatePool, type SandboxCase } from '../sandbox';
import type { CompiledModule } from '../sandbox/compileSubmission';
import { diagnoseCase, summarizeDiagnoses } from './diagnoseCases';

export type CodeGrade = {
  score: number;
  passed: boolean;
  cases: CaseResult[];
  diagnosis?: Diagnosis;
  error?: GradeError;
  logs?: string;
  timings: { referenceMs: number; compileMs: number; sandboxMs: number };
};

/** One sandbox case list per cached reference case list, so the sandbox can reuse its serialized copy. */
const sandboxCaseLists = new WeakMap<readonly ResolvedCase[], SandboxCase[]>();
function sandboxCases(cases: readonly ResolvedCase[]): SandboxCase[] {
  let list = sandboxCaseLists.get(cases);
  if (!list) {
    list = cases.map((c) => ({ entry: c.entry, args: c.args as unknown[], captureLogs: !c.hidden }));
    sandboxCaseLists.set(cases, list);
  }
  return list;
}

const HIDDEN_HINT = 'Run the visible cases and test edge cases (other sizes, depths, activations).';

/**
 * Runs the student's code on every case of the variant in the sandbox and compares with the reference's outputs.
 * `compiled` is the code as the supervising process compiled it (a grading child compiles nothing itself).
 */
export async function gradeCode(
  pool: IsolatePool,
  exercise: Exercise & CodeExercise,
  reference: { data: CodeReference; ms: number },
  code: string,
  compiled?: CompiledModule,
): Promise<CodeGrade> {
  const { cases } = reference.data;
  const referenceMs = reference.ms;

  const run = await runInSandbox(pool, {
    source: code,
    ...(compiled ? { compiled } : {}),
    usesTf: exercise.usesTf,
    limits: {
      timeMs: exercise.limits.timeMs,
      memoryMb: exercise.limits.memoryMb,
      sourceBytes: sourceLimitBytes(exercise.limits),
      outputBytes: outputLimitBytes(exercise.limits),
    },
    cases: sandboxCases(cases),
  });
  const timings = { referenceMs, compileMs: run.timings.compileMs, sandboxMs: run.timings.totalMs - run.timings.compileMs };

  if (!run.ok) {
    return {
      score: 0,
      passed: false,
      cases: [],
      error: run.error,
      ...(run.logs ? { logs: run.logs } : {}),
      timings,
    };
  }

  const results: CaseResult[] = [];
  const diagnoses: Array<Diagnosis | undefined> = [];
  let passedCount = 0;
  cases.forEach((testCase, index) => {
    const outcome = run.outcomes[index];
    const base = { name: testCase.name, hidden: testCase.hidden };
    if (!outcome) {
      results.push({ ...base, passed: false, message: 'This case did not run.' });
      return;
    }
    if (!outcome.ok) {
      // Runtime errors are the student's; their messages come from their own code, so they are safe to show.
      const prefix = testCase.hidden ? `Hidden case "${testCase.name}": ` : '';
      results.push({ ...base, passed: false, message: `${prefix}${outcome.message}` });
      return;
    }
    const comparison = compareWithTolerance(outcome.value, testCase.expected, exercise.tolerance, {
      hidden: testCase.hidden,
      caseName: testCase.name,
      path: 'result',
      hint: HIDDEN_HINT,
    });
    const visibleValues = testCase.hidden ? {} : { actual: outcome.value, expected: testCase.expected };
    if (comparison.equal) {
      passedCount++;
      results.push({ ...base, passed: true, ...visibleValues });
      return;
    }
    const diagnosis = diagnoseCase(reference.data.candidates(index), testCase, outcome.value, exercise.tolerance);
    diagnoses.push(diagnosis);
    results.push({ ...base, passed: false, message: comparison.message, ...visibleValues, ...(diagnosis ? { diagnosis } : {}) });
  });

  const failing = cases.length - passedCount;
  const diagnosis = failing > 0 ? summarizeDiagnoses(diagnoses, failing) : undefined;
  return {
    // All or nothing: a function that is right on most cases is still wrong (a known-wrong solution often
    // passes the cases its mistake does not touch, e.g. a linear output layer). Per-case results show progress.
    score: failing === 0 && cases.length > 0 ? 1 : 0,
    passed: failing === 0 && cases.length > 0,
    cases: results,
    ...(diagnosis ? { diagnosis } : {}),
    ...(run.logs ? { logs: run.logs } : {}),
    timings,
  };
}
