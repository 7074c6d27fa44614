/**
 * Students of the load benchmark (load.ts): signed up through the sign-up page, submitting over HTTP and following each
 * submission as the exercise page does.
 */
import { getExercise, loadExercises } from '@deltalab/exercises';
import { demoQuiz } from '../src/server/services/assessments/topicHomework';
import type { Site } from './loadSite';
import { webDir } from './loadSite';
import { signUp, signUpActionId, type CookieJar } from './siteClient';

const FOLLOW_LIMIT_MS = 120_000;
/** The exercise page's POST /api/submissions?wait= (components/exercise/submissionRequests.ts). */
const PAGE_SUBMIT_WAIT_SECONDS = 2;
const codeSolution = getExercise('mlp-forward-code').solutionSource!;
export const heapBomb = 'export function forward() { const m = new Map<number, number>(); for (let i = 0; ; i++) m.set(i, i); }';
// The demo quiz's questions take answers only inside a started exam: a class at a homework deadline sends the rest.
const inTheQuiz = new Set<string>(demoQuiz.pool);
const numericExercises = loadExercises().flatMap((e) =>
  e.kind === 'numeric' && !inTheQuiz.has(e.slug) ? [{ slug: e.slug, fields: e.fields.map((f) => f.name) }] : [],
);
export const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

export type Student = { email: string; jar: CookieJar };
export type Payload = { exercise: string; code: string } | { exercise: string; answers: Record<string, string> };
export type Outcome = {
  payload: Payload;
  submittedAt: number;
  /** When the follower learned the final state (graded or failed). */
  finishedAt?: number;
  status?: string;
  score?: number | null;
  error?: string;
  /** Follow requests whose connection failed and were sent again. */
  reconnects?: number;
  /** When the server recorded the grade (its gradedAt, epoch ms). */
  gradedAt?: number;
};

export async function signUpStudents(site: Site, count: number): Promise<Student[]> {
  const actionId = signUpActionId(webDir);
  const students: Student[] = [];
  const run = Date.now().toString(36);
  // A few at a time: password hashing is deliberately slow.
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from({ length: Math.min(8, count - i) }, async (_, j) => {
      const email = `load-${run}-${i + j}@deltalab.test`;
      const jar = await signUp(site.base, actionId, {
        name: `Load Student ${i + j}`,
        email,
        password: 'load-test-password',
        joinCode: 'DELTA-FFN',
      });
      return { email, jar };
    });
    students.push(...(await Promise.all(batch)));
  }
  return students;
}

let codeCount = 0;
/** A correct forward pass, a different text each time (students' code differs, so the compile cache does not hit). */
export function codePayload(code = `${codeSolution}\n// submission ${++codeCount} of this benchmark run\n`): Payload {
  return { exercise: 'mlp-forward-code', code };
}

export function numericPayload(): Payload {
  const exercise = numericExercises[Math.floor(Math.random() * numericExercises.length)]!;
  return {
    exercise: exercise.slug,
    answers: Object.fromEntries(exercise.fields.map((name) => [name, (Math.random() * 2 - 1).toFixed(4)])),
  };
}

/**
 * Submits as the page does: POST ?wait=2, which answers with the grade when it is recorded within 2 s (`accepted`
 * settles with it), else with the submission still queued, which is then followed until graded or failed
 * (`outcome`). `wait: 0` submits as an API client that does not wait (the burst), and is always followed.
 */
export function submit(
  site: Site,
  student: Student,
  payload: Payload,
  options: { wait?: number } = {},
): { accepted: Promise<unknown>; outcome: Promise<Outcome> } {
  const outcome: Outcome = { payload, submittedAt: performance.now() };
  const wait = options.wait ?? PAGE_SUBMIT_WAIT_SECONDS;
  const accepted = fetch(`${site.base}/api/submissions${wait > 0 ? `?wait=${wait}` : ''}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: student.jar.header() },
    body: JSON.stringify(payload),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as Accepted['body'] }));
  return { accepted: accepted.catch(() => {}), outcome: follow(site, student, outcome, accepted) };
}

type Followed = { status: string; score: number | null; gradedAt: string | null };
export type Accepted = { status: number; body: { id?: string; error?: { message: string } } & Partial<Followed> };

export async function follow(site: Site, student: Student, outcome: Outcome, accepted: Promise<Accepted>): Promise<Outcome> {
  try {
    const { status, body } = await accepted;
    if (status !== 202 || !body.id) return { ...outcome, error: `POST ${status}: ${body.error?.message ?? ''}` };
    if (finished(body as Followed)) return finishedOutcome(outcome, body as Followed);
    return await followId(site, student, outcome, body.id);
  } catch (error) {
    return { ...outcome, error: error instanceof Error ? error.message : String(error) };
  }
}

const finished = (submission: Followed) => submission.status === 'graded' || submission.status === 'failed';

function finishedOutcome(outcome: Outcome, submission: Followed): Outcome {
  const gradedAt = submission.gradedAt ? Date.parse(submission.gradedAt) : undefined;
  return { ...outcome, finishedAt: performance.now(), status: submission.status, score: submission.score, gradedAt };
}

/**
 * GET /api/submissions/:id?wait=25 until graded or failed, as the page does: a connection that fails (a server
 * restarting, a full accept queue) is tried again after a pause, and counted.
 */
export async function followId(site: Site, student: Student, outcome: Outcome, id: string): Promise<Outcome> {
  const deadline = outcome.submittedAt + FOLLOW_LIMIT_MS;
  let retryDelay = 500;
  while (performance.now() < deadline) {
    let response: Response;
    try {
      response = await fetch(`${site.base}/api/submissions/${id}?wait=25`, { headers: { Cookie: student.jar.header() } });
    } catch {
      outcome.reconnects = (outcome.reconnects ?? 0) + 1;
      await new Promise((r) => setTimeout(r, retryDelay));
      retryDelay = Math.min(retryDelay * 2, 5000);
      continue;
    }
    if (response.status !== 200) return { ...outcome, error: `GET ${response.status}` };
    const submission = (await response.json()) as Followed;
    if (finished(submission)) return finishedOutcome(outcome, submission);
  }
  return { ...outcome, status: 'lost' };
}
