import { apiSignIn, demo, expect, signUpStudent, test } from '../fixtures';

/**
 * Issue 17, as it was found: an instructor saves a numeric exercise whose variants.ts builds display() from
 * globalThis.process (environment variables, a listing of / through getBuiltinModule('fs'), `id` through
 * child_process, whether fetch exists) and previews it. Through the real site: each attempt is refused with a message
 * naming variants.ts, nothing of the server shows in any answer, and the site goes on grading.
 */
const course = 'deep-learning-ffn';

function numericForm(slug: string, display: string) {
  return {
    kind: 'numeric',
    slug,
    title: 'An innocent neuron',
    topic: 'forward-pass',
    points: 1,
    summary: 'z of one neuron.',
    statement: 'The neuron has weight $w = {{w}}$. Compute $z = 2w$.\n',
    variants: `import type { Variants } from '../../../src/definition';
export type P = { w: number };
export const variants: Variants<P> = {
  canonical: { w: 1.5 },
  generate: (rng) => ({ w: rng.int(1, 9) }),
  display: (p) => ({ w: ${display} }),
};
`,
    reference: `import type { P } from './variants';\nexport function solve(p: P): Record<string, number> {\n  return { z: 2 * p.w };\n}\n`,
    fields: [{ name: 'z', label: '$z$', tolerance: { mode: 'sigfigs', digits: 3 } }],
  };
}

const attempts: [string, string, RegExp][] = [
  ['environment', 'JSON.stringify((globalThis as any).process.env)', /variants\.ts: .*TypeError.*`process` is not available/],
  [
    'file system',
    "(globalThis as any).process.getBuiltinModule('fs').readdirSync('/').join(',')",
    /variants\.ts: .*TypeError.*`process` is not available/,
  ],
  [
    'commands',
    "String((globalThis as any).process.getBuiltinModule('child_process').execSync('id'))",
    /variants\.ts: .*`process` is not available/,
  ],
  [
    'network',
    "typeof (globalThis as any).fetch === 'function' ? 'fetch is there' : String(fetch)",
    /variants\.ts: .*`fetch` is not available/,
  ],
];

test('an instructor’s exercise code reaches nothing of the server: no environment, files, commands or network', async ({
  playwright,
  baseURL,
  page,
}) => {
  test.setTimeout(120_000);
  const instructor = await playwright.request.newContext({ baseURL });
  await apiSignIn(instructor, demo.instructor.email);
  for (const [what, display, refusal] of attempts) {
    const slug = `walls-${what.replace(/ /g, '-')}`;
    const saved = await instructor.post(`/api/instructor/authoring?course=${course}`, { data: numericForm(slug, display) });
    expect(saved.status(), `saving the ${what} attempt`).toBe(200);

    const preview = await instructor.post(`/api/instructor/authoring/${slug}/preview?course=${course}`, { data: { variant: 'canonical' } });
    const previewText = await preview.text();
    expect(preview.status(), `preview of the ${what} attempt: ${previewText}`).toBe(409);
    expect(JSON.parse(previewText).error.message).toMatch(refusal);

    const validate = await instructor.post(`/api/instructor/authoring/${slug}/validate?course=${course}`);
    const validation = (await validate.json()) as { ok: boolean; problems: { file: string; message: string }[] };
    expect(validation.ok).toBe(false);
    expect(validation.problems[0]).toMatchObject({ file: 'variants.ts', message: expect.stringMatching(refusal) });

    // Nothing of the server in either answer: no variable, no file name of /, no user id, no secret.
    for (const text of [previewText, JSON.stringify(validation)]) {
      expect(text).not.toMatch(/uid=\d|"PATH"|DATABASE_URL=|AUTH_SECRET=|\bbin,|\bproc\b/);
    }
  }

  // The site is up and grades: a new student's numeric answer, through the queue (a student of their own: the demo
  // students' progress belongs to the specs that follow them).
  await signUpStudent(page);
  const student = page.request;
  const submitted = await student.post('/api/submissions', { data: { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } } });
  expect(submitted.status(), await submitted.text()).toBe(202);
  const { id } = (await submitted.json()) as { id: string };
  await expect
    .poll(async () => ((await (await student.get(`/api/submissions/${id}`)).json()) as { status: string }).status, { timeout: 30_000 })
    .toBe('graded');
});
