/**
 * npm run -s grade -- --exercise <slug> [--variant canonical|<seed>]
 *                     (--submission <file> [--submission <file> …] | --answers <json-or-file>) --json
 *
 * Prints exactly one JSON document on stdout: a GradeResult for one submission, an array of them (in
 * argument order) for several. Exit 0 whenever grading finished, whatever the verdict; 2 for bad usage
 * (the document is then `{ "error": { "kind": "usage", "message" } }`); 1 for an internal fault.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

// stdout belongs to the one JSON document: anything a library logs goes to stderr.
const writeStdout = process.stdout.write.bind(process.stdout);
console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);

const USAGE =
  'usage: npm run -s grade -- --exercise <slug> [--variant canonical|<seed>] (--submission <file> [--submission <file> ...] | --answers <json-or-file>) --json';

class UsageError extends Error {}

type Outcome = { document: unknown; exitCode: number };

function emit({ document, exitCode }: Outcome): void {
  process.exitCode = exitCode;
  // leave as soon as stdout is flushed: nothing else (isolates, tfjs) has work left
  writeStdout(`${JSON.stringify(document, null, 2)}\n`, () => process.exit(exitCode));
}

function usage(message: string): Outcome {
  console.error(`${message}\n${USAGE}`);
  return { document: { error: { kind: 'usage', message } }, exitCode: 2 };
}

type Parsed = { exercise: string; variant: 'canonical' | number; submissions: string[]; answers?: string };

function parseCommandLine(argv: string[]): Parsed {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        exercise: { type: 'string' },
        variant: { type: 'string' },
        submission: { type: 'string', multiple: true },
        answers: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) throw new UsageError('help requested');
  if (!values.exercise) throw new UsageError('--exercise <slug> is required');
  const submissions = values.submission ?? [];
  if (submissions.length > 0 === (values.answers !== undefined)) {
    throw new UsageError('give either --submission <file> (one or more) or --answers <json-or-file>, not both and not neither');
  }
  let variant: 'canonical' | number = 'canonical';
  if (values.variant !== undefined && values.variant !== 'canonical') {
    if (!/^\d+$/.test(values.variant) || Number(values.variant) > 0xffffffff) {
      throw new UsageError(`--variant must be 'canonical' or a seed between 0 and 4294967295, got '${values.variant}'`);
    }
    variant = Number(values.variant);
  }
  return { exercise: values.exercise, variant, submissions, ...(values.answers !== undefined ? { answers: values.answers } : {}) };
}

/** npm -w runs us inside grader/; paths on the command line are relative to where npm was invoked. */
const invokedFrom = process.env.INIT_CWD ?? process.cwd();
const userPath = (file: string) => resolve(invokedFrom, file);

function readSubmissionFile(given: string): string {
  const file = userPath(given);
  if (!existsSync(file)) throw new UsageError(`submission file not found: ${given}`);
  return readFileSync(file, 'utf8');
}

/** `--answers` is JSON, or the path of a JSON file: an object of field → value (numeric) or an array of option ids (choice). */
function parseAnswers(
  text: string,
): { kind: 'numeric'; answers: Record<string, string | number> } | { kind: 'choice'; selected: string[] } {
  const trimmed = text.trim();
  const source =
    trimmed.startsWith('{') || trimmed.startsWith('[') ? trimmed : existsSync(userPath(text)) ? readFileSync(userPath(text), 'utf8') : null;
  if (source === null) throw new UsageError(`--answers is neither JSON nor an existing file: ${text}`);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`--answers is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return { kind: 'choice', selected: value };
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.every(([, v]) => typeof v === 'string' || typeof v === 'number')) {
      return { kind: 'numeric', answers: Object.fromEntries(entries) as Record<string, string | number> };
    }
  }
  throw new UsageError('--answers must be an object of field name → number or string (numeric), or an array of option ids (choice)');
}

async function main(): Promise<Outcome> {
  let parsed: Parsed;
  try {
    parsed = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }

  const { GradingProcessPool, gradeContained, isInternalFailure } = await import('./index');
  let submissions;
  try {
    submissions =
      parsed.answers !== undefined
        ? [parseAnswers(parsed.answers)]
        : parsed.submissions.map((file) => ({ kind: 'code' as const, code: readSubmissionFile(file) }));
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  // Student code runs in a grading child process, never here: a submission that exhausts V8's heap takes down that
  // child (graded 0, naming the memory limit), not the command. Several submissions are graded concurrently.
  const pool = new GradingProcessPool({ children: 1, isolatesPerChild: Math.min(2, submissions.length) });
  try {
    const grades = await Promise.all(
      submissions.map((submission) => gradeContained(pool, { exercise: parsed.exercise, variant: parsed.variant, submission })),
    );
    const refused = grades.find((grade) => grade.kind === 'refused');
    if (refused) return usage(refused.message);
    const results = grades.flatMap((grade) => (grade.kind === 'graded' ? [grade.result] : []));
    const internal = results.some(isInternalFailure);
    return { document: parsed.submissions.length > 1 ? results : results[0], exitCode: internal ? 1 : 0 };
  } finally {
    await pool.close();
  }
}

main().then(emit, (error: unknown) => {
  console.error(error);
  emit({ document: { error: { kind: 'internal', message: error instanceof Error ? error.message : String(error) } }, exitCode: 1 });
});
