import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { tableDigests } from '../databaseDigest';
import { apiSignIn, apiSignInAdmin, demo, expect, test } from '../fixtures';
import { apiRoutes } from '../pageRoutes';
import { repoRoot } from '../server';
import {
  callServerAction,
  describeOutcome,
  isRefusal,
  serverActions,
  sourceServerActions,
  type ActionCall,
  type ActionOutcome,
} from '../serverActions';
import { changedKeys, courseStudents, courseView, observe, restoreCourseView, switcherCourseIds, type CourseView } from '../siteState';

/**
 * Issue 12: a corpus of malformed requests against every API route that takes a body (found in web/src/app, so a
 * new route is covered without being listed), sent by the course's instructor, who passes every role check and so
 * reaches the parsing. Each gets a 4xx with a specific JSON message, never a 5xx, never a 2xx; on PostgreSQL the
 * test also counts every table's rows before and after: nothing half-written stays. Server actions (found in web/src)
 * get their own corpus below.
 */
const writeMethods = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

function methodsOf(route: string): string[] {
  const source = readFileSync(join(repoRoot, 'web', 'src', 'app', ...route.split('/').filter(Boolean), 'route.ts'), 'utf8');
  return writeMethods.filter((m) => new RegExp(`export (async )?function ${m}\\b|as ${m}\\b|\\b${m} \\}|, ${m}\\b`).test(source));
}

/** Values for a route's dynamic segments: one that exists (where one does), one unknown, one malformed. */
const segmentValues: Record<string, string[]> = {
  // forward-pass: an assessment (a homework) of the demo course, for the assessment routes.
  slug: ['moons-challenge', 'mlp-forward-code', 'forward-pass', 'no-such-exercise', '%00'],
  id: [randomUUID(), 'not-a-uuid'],
};

function concreteUrls(route: string): string[] {
  let urls = [route];
  for (const [, name] of route.matchAll(/\[(\w+)\]/g)) {
    const values = segmentValues[name!] ?? ['x'];
    urls = urls.flatMap((url) => values.map((value) => url.replace(`[${name}]`, value)));
  }
  return urls;
}

const json = (text: string) => ({ data: Buffer.from(text), headers: { 'Content-Type': 'application/json' } });
const corpus: { name: string; body: { data: Buffer; headers: Record<string, string> } }[] = [
  { name: 'invalid JSON', body: json('{"exercise": ') },
  { name: 'empty body', body: json('') },
  { name: 'a JSON array', body: json('[1, 2, 3]') },
  { name: 'a JSON string', body: json('"hello"') },
  { name: 'null', body: json('null') },
  {
    name: 'wrong types',
    body: json('{"exercise": 42, "code": ["x"], "answers": "0.5", "model": 7, "name": {}, "deadline": true, "final": "yes"}'),
  },
  {
    name: 'NaN and Infinity as strings',
    body: json('{"exercise": "perceptron-forward", "answers": {"y_hat": "NaN"}, "entriesPerDay": "Infinity", "deadline": "NaN"}'),
  },
  {
    name: 'huge and negative numbers',
    body: json('{"entriesPerDay": 1e308, "verifyMargin": -5, "variant": -1, "answers": {"y_hat": 1e400}}'),
  },
  { name: 'a __proto__ key', body: json('{"__proto__": {"admin": true}}') },
  { name: 'NUL in a string', body: json('{"exercise": "mlp-\\u0000", "name": "a\\u0000b"}') },
  {
    name: 'invalid UTF-8',
    body: {
      data: Buffer.concat([Buffer.from('{"name": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      headers: { 'Content-Type': 'application/json' },
    },
  },
  { name: 'over 1 MB', body: json(`{"code": "${'x'.repeat(1024 * 1024 + 10)}"}`) },
  {
    name: 'a model of wrong shapes',
    body: json(
      JSON.stringify({
        model: {
          modelTopology: {
            class_name: 'Sequential',
            config: { layers: [{ class_name: 'Dense', config: { units: 4, batch_input_shape: [null, 2] } }] },
          },
          weightSpecs: [{ name: 'dense/kernel', shape: [3, 4], dtype: 'float32' }],
          weightData: Buffer.from(new Float32Array(5).buffer).toString('base64'),
        },
        provenance: { code: '', backend: 'cpu', epochs: 1, seed: 1, curve: [], trainingMs: 1 },
      }),
    ),
  },
];

async function tableCounts(url: string): Promise<Record<string, number>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<
      { name: string }[]
    >`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sign_in_throttle'`;
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await sql.unsafe(`select count(*)::int as n from "${name}"`))[0]!.n);
    return counts;
  } finally {
    await sql.end();
  }
}

test('every write API route answers a corpus of malformed requests with a specific 4xx, and stores nothing', async ({
  playwright,
  server,
}) => {
  test.setTimeout(300_000);
  const api = await playwright.request.newContext({ baseURL: server.baseURL });
  await apiSignIn(api, demo.instructor.email);
  // The administrators' routes are sent by an administrator: they too reach the parsing.
  const admin = await playwright.request.newContext({ baseURL: server.baseURL });
  await apiSignInAdmin(admin, server);
  const routes = apiRoutes().filter((r) => !r.startsWith('/api/auth/'));
  const targets = routes.flatMap((route) =>
    methodsOf(route).flatMap((method) => concreteUrls(route).map((url) => ({ route, method, url }))),
  );
  expect(targets.length).toBeGreaterThan(10);
  const before = server.databaseUrl ? await tableCounts(server.databaseUrl) : null;
  const problems: string[] = [];
  for (const { method, url } of targets) {
    for (const { name, body } of corpus) {
      const sender = url.startsWith('/api/admin/') ? admin : api;
      const response = await sender.fetch(url, { method, ...body, failOnStatusCode: false });
      const status = response.status();
      const text = await response.text();
      let message = '';
      try {
        message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? '';
      } catch {
        // not JSON: reported below
      }
      if (status < 400 || status >= 500) problems.push(`${method} ${url} with ${name}: ${status} ${text.slice(0, 160)}`);
      else if (!message || /Something went wrong/.test(message))
        problems.push(`${method} ${url} with ${name}: ${status} without a specific message: ${text.slice(0, 160)}`);
    }
  }
  console.log(`[bad-input] ${targets.length} route × method × URL combinations, ${targets.length * corpus.length} malformed requests`);
  expect(problems).toEqual([]);
  if (before) expect(await tableCounts(server.databaseUrl!)).toEqual(before);
  await api.dispose();
  await admin.dispose();
});

/**
 * Server actions take whatever a hand-made call sends (serverActions.ts). Each one's valid arguments (a call that
 * succeeds: checked at the end, so the corpus is the only thing wrong with each call) and, per field, the values no
 * form of the site sends. Every call must come back refused with a specific message: a refusal result (not the
 * catch-all "… failed on the server"), or a 4xx with a message for what Next cannot decode; never an error.
 */
const stamp = Date.now().toString(36);
const wrongTypes: unknown[] = [42, true, null, {}, ['x'], new Date(0), 10n, undefined];
const unstorable = ['x'.repeat(100_000), 'a\u0000b', 'a\ud800b']; // over-long, NUL, a lone surrogate
const numbers: unknown[] = ['NaN', 'Infinity', '-Infinity', NaN, Infinity, -Infinity, 1e308, -5, '1e400', '1'.repeat(100_000), 'abc'];
const file = { name: 'x.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2]) };

interface ActionCorpus {
  /**
   * Arguments that succeed, in the call the corpus varies: one object, one value, a form's fields, or none (an action
   * that takes no arguments refuses any).
   */
  valid: () => { object: Record<string, unknown> } | { value: unknown } | { form: Record<string, string> } | { none: true };
  /** Who sends the calls (default: the demo course's instructor). */
  as?: 'invitee';
  /** Per field, bad values besides the wrong types and unstorable text every field gets. */
  bad: Record<string, unknown[]>;
  /** Fields that take a number (so 42 is no wrong type there). */
  numeric?: string[];
}

function actionCorpora(course: {
  firstSlug: string;
  secondSlug: string;
  id: () => string;
  /** A fresh one-time password link's token (a student's of the demo course). */
  passwordToken: () => string;
  /** The invitee's invitation token (to the demo course's staff; the invitee sends those calls). */
  invitationToken: string;
}): Record<string, ActionCorpus> {
  const unknownIds = [randomUUID(), 'not-a-uuid', '', 'NaN', '00000000-0000-0000-0000-000000000000'];
  return {
    saveCourseSettingsAction: {
      valid: () => ({ object: { timeZone: 'Europe/Berlin', latePolicy: 'penalize', latePenaltyPercent: '10' } }),
      bad: { timeZone: ['Mars/Olympus', 'NaN', 'Infinity'], latePolicy: ['sometimes', 'NaN'], latePenaltyPercent: numbers },
      numeric: ['latePenaltyPercent'],
    },
    moveExerciseAction: {
      valid: () => ({ form: { slug: course.secondSlug, direction: 'up' } }),
      bad: { slug: ['no-such-exercise', randomUUID(), 'NaN', ''], direction: ['sideways', 'NaN', ''] },
    },
    signUpAction: {
      valid: () => ({
        object: { name: 'Bad Input', email: `bad-input-${stamp}@example.com`, password: demo.password, joinCode: demo.joinCode },
      }),
      bad: { name: ['   '], email: ['not-an-email', 'NaN'], password: ['short', 'NaN'], joinCode: ['NO-SUCH-CODE', 'NaN', '   '] },
    },
    createCourseAction: {
      valid: () => ({ object: { title: `Bad input ${stamp}`, joinCode: `BI-${stamp}`.toUpperCase(), timeZone: 'UTC' } }),
      bad: { title: ['   '], joinCode: [demo.joinCode, 'ab', 'NaN', 'a b c d'], timeZone: ['Mars/Olympus', 'Infinity'] },
    },
    switchCourseFormAction: { valid: () => ({ form: { courseId: course.id() } }), bad: { courseId: unknownIds } },
    joinCourseAction: {
      valid: () => ({ object: { joinCode: 'SANDBOX-1' } }),
      bad: { joinCode: ['NO-SUCH-CODE', randomUUID(), 'NaN', '   '] },
    },
    changePasswordAction: {
      // The same password again: the specs after this one sign in with it.
      valid: () => ({ object: { current: demo.password, password: demo.password, confirm: demo.password } }),
      bad: { current: ['wrong password', ''], password: ['short', 'x'.repeat(201), ''], confirm: ['another one', ''] },
    },
    setPasswordAction: {
      valid: () => ({ object: { token: course.passwordToken(), password: demo.password, confirm: demo.password } }),
      bad: { token: ['A'.repeat(43), 'short', '', 'NaN'], password: ['short', ''], confirm: ['another one'] },
    },
    acceptInvitationAction: {
      as: 'invitee',
      valid: () => ({ object: { token: course.invitationToken } }),
      bad: { token: ['A'.repeat(43), 'short', '', 'NaN'] },
    },
    startStudentViewAction: { valid: () => ({ none: true }), bad: {} },
    leaveStudentViewAction: { valid: () => ({ none: true }), bad: {} },
    signOutEverywhereAction: { valid: () => ({ none: true }), bad: {} },
  };
}

/** The corpus of one action: its valid call with one field bad at a time, arguments of the wrong shape, and bodies Next cannot decode. */
function badCalls(corpus: ActionCorpus, firstSlug: string): { name: string; call: ActionCall }[] {
  const valid = corpus.valid();
  const calls: { name: string; call: ActionCall }[] = [];
  const show = (value: unknown) => (typeof value === 'string' && value.length > 40 ? `${value.length} characters` : String(value));
  for (const [field, values] of Object.entries(corpus.bad)) {
    if ('none' in valid) continue;
    if ('form' in valid) {
      for (const value of [...unstorable, ...values, file, undefined])
        calls.push({
          name: `${field} = ${value === file ? 'a file' : show(value)}`,
          call: { form: Object.fromEntries(Object.entries({ ...valid.form, [field]: value }).filter(([, v]) => v !== undefined)) as never },
        });
    } else {
      const wrong = corpus.numeric?.includes(field) ? wrongTypes.filter((v) => typeof v !== 'number') : wrongTypes;
      for (const value of [...wrong, ...unstorable, ...values])
        calls.push({
          name: `${field} = ${show(value)}`,
          call: { args: ['object' in valid ? { ...valid.object, [field]: value } : value] },
        });
    }
  }
  // Arguments of the wrong shape: none, and values where an object (or a form) goes.
  for (const args of [[], [null], ['hello'], [42], [[1, 2, 3]]])
    if (!('none' in valid && args.length === 0)) calls.push({ name: `arguments ${JSON.stringify(args)}`, call: { args } });
  if ('form' in valid) calls.push({ name: 'the form as a plain object', call: { args: [valid.form] } });
  if ('form' in valid && 'direction' in valid.form)
    calls.push({ name: 'moving the first exercise up', call: { form: { slug: firstSlug, direction: 'up' } } });
  // Bodies React never sends.
  const text = (body: Buffer | string) => ({ body: Buffer.from(body), contentType: 'text/plain;charset=UTF-8' });
  calls.push(
    { name: 'invalid JSON', call: text('[{"joinCode": ') },
    { name: 'a JSON object', call: text('{"joinCode": "DELTA-FFN"}') },
    { name: 'a JSON string', call: text('"hello"') },
    { name: 'invalid UTF-8', call: text(Buffer.concat([Buffer.from('[{"name": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}]')])) },
    { name: 'over 1 MB', call: text(JSON.stringify([{ name: 'x'.repeat(1024 * 1024 + 10) }])) },
  );
  if ('form' in valid) {
    const boundary = 'deltalab-bad-input';
    const multipart = (parts: [string, Buffer][]) => ({
      body: Buffer.concat([
        ...parts.map(([name, value]) =>
          Buffer.concat([
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
            value,
            Buffer.from('\r\n'),
          ]),
        ),
        Buffer.from(`--${boundary}--\r\n`),
      ]),
      contentType: `multipart/form-data; boundary=${boundary}`,
    });
    calls.push(
      { name: 'a form without its arguments', call: multipart([['_1_slug', Buffer.from('x')]]) },
      {
        name: 'a form field of invalid UTF-8',
        call: multipart([
          ['_1_slug', Buffer.from([0xff, 0xfe])],
          ['0', Buffer.from('["$K1"]')],
        ]),
      },
      {
        name: 'a form over 1 MB',
        call: multipart([
          ['_1_slug', Buffer.from('x'.repeat(1024 * 1024 + 10))],
          ['0', Buffer.from('["$K1"]')],
        ]),
      },
    );
  }
  return calls;
}

/** Why an outcome is not a specific refusal, or null when it is one. */
function notASpecificRefusal(outcome: ActionOutcome): string | null {
  if (outcome.kind === 'threw') return 'threw (Next answers with a digest and nothing else)';
  if (outcome.kind === 'http') return outcome.status >= 400 && outcome.status < 500 && outcome.text.trim() ? null : 'no 4xx with a message';
  if (outcome.status >= 400) return `status ${outcome.status}`;
  if (!isRefusal(outcome.value)) return 'not refused';
  const { message, fieldErrors = {} } = outcome.value;
  if (/failed on the server|Something went wrong/.test(message)) return 'refused without saying why';
  if (message === 'Please correct the highlighted fields.' && Object.keys(fieldErrors).length === 0) return 'no field highlighted';
  return null;
}

test('every server action answers a corpus of malformed calls with a specific refusal, and stores nothing', async ({
  playwright,
  server,
}) => {
  test.setTimeout(300_000);
  const api = await playwright.request.newContext({ baseURL: server.baseURL });
  await apiSignIn(api, demo.instructor.email);
  const actions = serverActions();
  // Someone invited to the demo course's staff who signed up without the invitation's link (they send its corpus).
  const invitee = await playwright.request.newContext({ baseURL: server.baseURL });
  const signUp = async (context: typeof api, email: string, joinCode: string) => {
    const outcome = await callServerAction(context, server.baseURL, actions.get('signUpAction')!, {
      args: [{ name: 'Bad Input', email, password: demo.password, joinCode }],
    });
    expect(outcome.kind === 'returned' && (outcome.value as { ok?: boolean }).ok, describeOutcome(outcome)).toBe(true);
    await apiSignIn(context, email);
  };
  const inviteeEmail = `bad-input-invitee-${stamp}@example.com`;
  const invited = await api.post('/api/instructor/staff', { data: { email: inviteeEmail, role: 'teaching-assistant' } });
  expect(invited.status(), await invited.text()).toBe(201);
  const invitationToken = new URL(((await invited.json()) as { link: string }).link).searchParams.get('token')!;
  await signUp(invitee, inviteeEmail, 'SANDBOX-1');
  // A student of the demo course whose password links the corpus uses.
  const studentEmail = `bad-input-student-${stamp}@example.com`;
  const student = await playwright.request.newContext({ baseURL: server.baseURL });
  await signUp(student, studentEmail, demo.joinCode);
  await student.dispose();
  const roster = (await (await api.get('/api/instructor/roster')).json()) as { students: { userId: string; email: string }[] };
  const studentId = roster.students.find((s) => s.email === studentEmail)!.userId;
  let passwordToken = '';
  const issuePasswordToken = async () => {
    const issued = await api.post(`/api/instructor/roster/${studentId}/reset-link`);
    expect(issued.status(), await issued.text()).toBe(201);
    passwordToken = new URL(((await issued.json()) as { link: string }).link).searchParams.get('token')!;
  };
  await issuePasswordToken();

  const contexts = { instructor: api, invitee };
  const { order } = (await courseView(api)) as CourseView;
  let courseId: string = randomUUID(); // the demo course's, learnt below (the switcher shows it once there are two)
  const corpora = actionCorpora({
    firstSlug: order[0]!,
    secondSlug: order[1]!,
    id: () => courseId,
    passwordToken: () => passwordToken,
    invitationToken,
  });
  const call = (name: string, how: ActionCall) =>
    callServerAction(contexts[corpora[name]?.as ?? 'instructor'], server.baseURL, actions.get(name)!, how);
  expect(Object.keys(corpora).sort()).toEqual(sourceServerActions().map((a) => a.name));

  const observers = { view: () => courseView(api), students: () => courseStudents(api, 'deep-learning-ffn') };
  const before = await observe(observers);
  const tables = server.databaseUrl ? await tableDigests(server.databaseUrl, ['sign_in_throttle']) : null;
  const problems: string[] = [];
  let count = 0;
  for (const [name, corpus] of Object.entries(corpora)) {
    for (const bad of badCalls(corpus, order[0]!)) {
      const outcome = await call(name, bad.call);
      count += 1;
      const problem = notASpecificRefusal(outcome);
      if (problem) problems.push(`${name} with ${bad.name}: ${problem}: ${describeOutcome(outcome)}`);
    }
  }
  console.log(`[bad-input] ${Object.keys(corpora).length} server actions, ${count} malformed calls`);
  expect(problems).toEqual([]);
  const after = await observe(observers);
  expect(changedKeys(before, after), JSON.stringify(after)).toEqual([]);
  if (tables) expect(await tableDigests(server.databaseUrl!, ['sign_in_throttle'])).toEqual(tables);

  // Each valid call succeeds: what the corpus varied was the only thing wrong. Creating a course makes a second one,
  // so the switcher shows the demo course's id; the student view is left right after it starts; joining the other course
  // comes late (it moves the instructor there), and signing out everywhere last.
  const validOrder = [
    'saveCourseSettingsAction',
    'moveExerciseAction',
    'signUpAction',
    'createCourseAction',
    'switchCourseFormAction',
    'changePasswordAction',
    'setPasswordAction',
    'acceptInvitationAction',
    'startStudentViewAction',
    'leaveStudentViewAction',
    'joinCourseAction',
    'signOutEverywhereAction',
  ];
  expect([...validOrder].sort()).toEqual(Object.keys(corpora).sort());
  try {
    for (const name of validOrder) {
      if (name === 'switchCourseFormAction') courseId = (await switcherCourseIds(api)).get(demo.courseTitle) ?? 'missing';
      // The corpus's link was used up by nothing, but a fresh one is what a student would follow.
      if (name === 'setPasswordAction') await issuePasswordToken();
      const valid = corpora[name]!.valid();
      const outcome = await call(
        name,
        'form' in valid
          ? { form: valid.form }
          : 'none' in valid
            ? { args: [] }
            : { args: ['object' in valid ? valid.object : valid.value] },
      );
      expect(outcome.kind === 'returned' && (outcome.value as { ok?: unknown }).ok, `${name}: ${describeOutcome(outcome)}`).toBe(true);
    }
  } finally {
    await invitee.dispose();
    await apiSignIn(api, demo.instructor.email);
    // The specs after this one on the same server share the demo instructor and course: put back the course they work
    // in, its settings and its exercise order, and check that they are back.
    const restored = await restoreCourseView(api, server.baseURL, before.view as CourseView, demo.courseTitle);
    expect(restored, 'the demo instructor back in the demo course as it was').toEqual(before.view);
    await api.dispose();
  }
});
