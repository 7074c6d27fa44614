/**
 * `npm run bench:lti -w @deltalab/web`: the LTI figures on an in-memory embedded database against the local
 * platform simulator (test/lti/platformSimulator.ts): a launch's server time (login, every check, the account, the
 * course) with the platform's JWKS cached (target p50 ≤ 300 ms), and 300 score posts draining through the durable
 * queue (target ≤ 30 s). LTI_LAUNCHES and LTI_SCORES change the counts.
 */
import { performance } from 'node:perf_hooks';
import { upsertLtiPlatform } from '@deltalab/db';
import { createTestDb } from '@deltalab/db/test';
import { seed } from '@/server/seed';
import { claim } from '@/server/lti/claims';
import { queueContextScores, startPassbackWorker, stopPassback } from '@/server/lti/gradePassback';
import { toolJwks } from '@/server/lti/keys';
import { completeLaunch, type LaunchOutcome } from '@/server/lti/launchFlow';
import { linkContext } from '@/server/lti/linking';
import { startLogin } from '@/server/lti/login';
import { verifyLaunch } from '@/server/lti/verifyLaunch';
import { courseColumns } from '@/server/services/dashboards/courseColumns';
import { PlatformSimulator } from '../test/lti/platformSimulator';

const launches = Number(process.env.LTI_LAUNCHES ?? 40);
const scores = Number(process.env.LTI_SCORES ?? 300);
const M = 'http://purl.imsglobal.org/vocab/lis/v2/membership';
const base = 'http://deltalab.test';
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

async function main() {
  const handle = await createTestDb();
  await seed(handle.db);
  const lms = await new PlatformSimulator().start();
  lms.toolJwks = () => toolJwks(handle.db);
  await upsertLtiPlatform(handle.db, {
    name: 'bench',
    issuer: lms.issuer,
    clientId: lms.clientId,
    deploymentIds: [lms.deploymentId],
    authUrl: lms.authUrl,
    tokenUrl: lms.tokenUrl,
    jwksUrl: lms.jwksUrl,
  });
  const context = { id: 'bench-course', title: 'Bench course' };
  const launch = async (sub: string, roles: string[], extra: Record<string, unknown> = {}) => {
    const claims = { sub, email: `${sub}@example.edu`, [claim.roles]: roles, [claim.context]: context, ...extra };
    const started = performance.now();
    const redirect = new URL(
      await startLogin(handle.db, { iss: lms.issuer, login_hint: sub, target_link_uri: base, client_id: lms.clientId }, base),
    );
    const signing = performance.now();
    const token = await lms.idToken(redirect.searchParams.get('nonce')!, claims); // the platform's part, not timed
    const resumed = performance.now();
    const outcome = await completeLaunch(
      handle.db,
      await verifyLaunch(handle.db, { idToken: token, state: redirect.searchParams.get('state')! }, base),
    );
    return { outcome, ms: signing - started + (performance.now() - resumed) };
  };

  const teacher = (await launch('bench-teacher', [`${M}#Instructor`])).outcome as Extract<LaunchOutcome, { kind: 'signed-in' }>;
  await linkContext(handle.db, teacher.account.id, teacher.grant, 'new');
  const { course_id: courseId, id: contextId } = (await handle.executeSql('select course_id, id from lti_contexts limit 1')).rows[0] as {
    course_id: string;
    id: string;
  };
  const [exercise] = await courseColumns(handle.db, courseId);
  const ags = { [claim.custom]: { exercise: exercise!.slug }, [claim.ags]: { scope: [], lineitem: lms.lineItemUrl('bench-item') } };

  const times: number[] = [];
  for (let i = 0; i < launches; i++) times.push((await launch(`bench-student-${i}`, [`${M}#Learner`], ags)).ms);
  console.log(
    `[lti] launch (login + checks + account + course), JWKS cached, ${launches} new students: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms (target p50 ≤ 300 ms)`,
  );

  // 300 students of the linked course with a grade and a platform identity, then every score queued and drained.
  const platformId = ((await handle.executeSql('select id from lti_platforms limit 1')).rows[0] as { id: string }).id;
  await handle.executeSql(
    `with u as (insert into users (email, name) select 'drain-' || g || '@example.edu', 'Drain ' || g from generate_series(1, $1::int) g returning id, email),
     e as (insert into enrollments (user_id, course_id, role) select id, $2::uuid, 'student' from u),
     l as (insert into lti_users (platform_id, sub, user_id) select $3::uuid, email, id from u)
     insert into grade_cells (course_id, user_id, exercise_id, best_score, attempts) select $2::uuid, id, $4::uuid, 0.75, 1 from u`,
    [scores, courseId, platformId, exercise!.exerciseId],
  );
  const before = lms.scores.length;
  const started = performance.now();
  const stop = await startPassbackWorker(handle);
  const queued = await queueContextScores(handle.db, contextId);
  while (lms.scores.length - before < scores) await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `[lti] ${queued} score posts (${scores} new) through the queue to the platform: ${seconds.toFixed(1)} s, ${(scores / seconds).toFixed(0)}/s, ${lms.tokensIssued.length} token request(s) (target ≤ 30 s)`,
  );
  await stop();
  await stopPassback();
  await lms.stop();
  await handle.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
