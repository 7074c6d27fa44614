import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exerciseFolderFiles, hashFiles } from '@deltalab/exercises';
import { gradeContained, GradingProcessPool, type AuthoringOutcome, type ExerciseFolder } from '../../src';

/** A catalogue folder's files with its slug renamed: what an instructor gets by importing an export of it. */
function catalogueFolder(dir: string, slug: string, edit: (files: Record<string, string>) => void = () => {}): ExerciseFolder {
  const files = exerciseFolderFiles(dir);
  files['definition.ts'] = files['definition.ts']!.replace(/slug: '[^']+'/, `slug: '${slug}'`);
  edit(files);
  return { hash: hashFiles(files), files };
}

const numeric = (edit?: (files: Record<string, string>) => void) =>
  catalogueFolder('forward-pass/perceptron-forward', 'site-perceptron', edit);

describe('exercises authored in the site, compiled and run only in grading children', () => {
  let pool: GradingProcessPool;
  beforeAll(async () => {
    pool = new GradingProcessPool({ children: 1, spares: 0, log: () => {} });
    await pool.ready();
  });
  afterAll(async () => {
    await pool.close();
  });

  async function validate(folder: ExerciseFolder) {
    const reply = await pool.author({ kind: 'validate', folder, others: 20 });
    if (reply.kind !== 'done' || reply.outcome.kind !== 'validated') throw new Error(`expected a validation, got ${JSON.stringify(reply)}`);
    return reply.outcome.validation;
  }

  it('validates a numeric folder on the canonical variant and 20 others, with the canonical view and its answers', async () => {
    const validation = await validate(numeric());
    expect(validation).toMatchObject({ ok: true, problems: [], variantsChecked: 21 });
    expect(validation.snapshot).toMatchObject({ slug: 'site-perceptron', kind: 'numeric', fields: [{ name: 'y_hat' }] });
    expect(validation.canonical?.variant.statementMarkdown).toContain('w_0 = 1');
    const values = validation.canonical?.reference.kind === 'numeric' ? validation.canonical.reference.values : [];
    expect(values[0]?.value).toBeCloseTo(1 / (1 + Math.exp(6)), 6);
  });

  it('validates an expression folder (tfjs reference), shows its model answer, and refuses a mistake that is the answer', async () => {
    const expression = (edit?: (files: Record<string, string>) => void) =>
      catalogueFolder('backprop/output-weight-gradient-expression', 'site-de-dw5', edit);
    const validation = await validate(expression());
    expect(validation.problems).toEqual([]);
    expect(validation).toMatchObject({ ok: true, problems: [], variantsChecked: 21 });
    const values = validation.canonical?.reference.kind === 'numeric' ? validation.canonical.reference.values : [];
    expect(values[0]).toMatchObject({ name: 'dE_dw5', expression: '(out_o1 - target_o1)*out_o1*(1 - out_o1)*out_h1' });
    expect(validation.canonical?.variant.fields?.[0]).toMatchObject({ kind: 'expression', functions: [] });
    expect(JSON.stringify(validation.canonical?.variant)).not.toContain('missing-out-h1');

    const broken = await validate(
      expression((files) => {
        files['definition.ts'] = files['definition.ts']!.replace(
          "expression: '(out_o1 - target_o1)*out_h1'",
          "expression: 'out_h1*(out_o1 - target_o1)*out_o1*(1 - out_o1)'",
        );
      }),
    );
    expect(broken.ok).toBe(false);
    expect(broken.problems[0]).toMatchObject({ file: 'definition.ts', message: expect.stringContaining("'missing-sigma-derivative'") });

    const graded = await gradeContained(pool, {
      exercise: 'site-de-dw5',
      variant: 'canonical',
      folder: expression(),
      submission: { kind: 'numeric', answers: { dE_dw5: 'out_h1*out_o1*(1-out_o1)*(out_o1-target_o1)' } },
    });
    expect(graded).toMatchObject({ kind: 'graded', result: { passed: true } });
  });

  it('grades a submission against the folder of its version', async () => {
    const folder = numeric();
    const grade = await gradeContained(pool, {
      exercise: 'site-perceptron',
      variant: 'canonical',
      folder,
      submission: { kind: 'numeric', answers: { y_hat: '0.00247' } },
    });
    expect(grade).toMatchObject({ kind: 'graded', result: { passed: true, exerciseVersion: folder.hash } });
    const wrong = await gradeContained(pool, {
      exercise: 'site-perceptron',
      variant: 'canonical',
      folder,
      submission: { kind: 'numeric', answers: { y_hat: '0.5' } },
    });
    expect(wrong).toMatchObject({ kind: 'graded', result: { passed: false, score: 0 } });
  });

  it('refuses a reference that gives non-finite values', async () => {
    const validation = await validate(
      numeric(
        (files) =>
          (files['reference.ts'] = files['reference.ts']!.replace(
            'return { y_hat: perceptronOutput(p) };',
            'return { y_hat: Number.NaN };',
          )),
      ),
    );
    expect(validation.ok).toBe(false);
    expect(validation.problems[0]).toMatchObject({ file: 'reference.ts', message: expect.stringContaining('y_hat = NaN') });
  });

  it('refuses a reference that throws', async () => {
    const validation = await validate(
      numeric(
        (files) =>
          (files['reference.ts'] = files['reference.ts']!.replace(
            'return { y_hat: perceptronOutput(p) };',
            "throw new Error('not written yet');",
          )),
      ),
    );
    expect(validation.problems[0]).toMatchObject({ file: 'reference.ts', message: expect.stringContaining('not written yet') });
  });

  it('refuses a statement naming a value the variants do not give', async () => {
    const validation = await validate(numeric((files) => (files['statement.md'] += '\nThe learning rate is {{eta}}.')));
    expect(validation.ok).toBe(false);
    expect(validation.problems[0]).toMatchObject({ file: 'statement.md', message: expect.stringContaining('{{eta}}') });
  });

  it('refuses imports other than its own files, the package helpers and tfjs, naming the file', async () => {
    const validation = await validate(
      numeric(
        (files) =>
          (files['reference.ts'] =
            `import { readFileSync } from 'node:fs';\nexport const secret = readFileSync;\n${files['reference.ts']}`),
      ),
    );
    expect(validation.problems[0]).toMatchObject({ file: 'reference.ts', message: expect.stringContaining("imports 'node:fs'") });
  });

  it('names the line of a syntax error', async () => {
    const validation = await validate(
      numeric((files) => (files['variants.ts'] = files['variants.ts']!.replace('canonical: {', 'canonical: {{'))),
    );
    expect(validation.problems[0]).toMatchObject({ file: 'variants.ts', message: expect.stringMatching(/^variants\.ts:\d+:\d+: /) });
  });

  it('validates a code folder: the solution passes and the known-wrong file fails', async () => {
    const folder = catalogueFolder('forward-pass/mlp-forward-code', 'site-forward-code');
    expect(await validate(folder)).toMatchObject({ ok: true, variantsChecked: 21 });
    const broken = catalogueFolder(
      'forward-pass/mlp-forward-code',
      'site-forward-code',
      (files) => (files['known-wrong.ts'] = files['solution.ts']!),
    );
    const validation = await validate(broken);
    expect(validation.ok).toBe(false);
    expect(validation.problems.map((p) => p.file)).toContain('known-wrong.ts');
  });

  it('a variant of a folder as a student sees it comes from the child; a folder that does not match its hash is refused', async () => {
    const folder = numeric();
    const reply = await pool.author({ kind: 'instantiate', folder, variant: 12345 });
    expect(reply).toMatchObject({
      kind: 'done',
      outcome: { kind: 'instantiated', variant: { exercise: 'site-perceptron', variant: 12345, fields: [{ name: 'y_hat' }] } },
    });
    const tampered = await pool.author({ kind: 'instantiate', folder: { ...folder, hash: 'not-its-hash' }, variant: 'canonical' });
    expect(tampered).toMatchObject({ kind: 'done', outcome: { kind: 'invalid' } satisfies Partial<AuthoringOutcome> });
  });
});
