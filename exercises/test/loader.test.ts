import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../content/index';
import perceptronForward from '../content/forward-pass/perceptron-forward/definition';
import {
  ExerciseLoadError,
  exercisesContentDir,
  getExercise,
  instantiateVariant,
  loadExercises,
  loadExercisesFrom,
  topics,
  type ExerciseDefinition,
} from '../src/index';
import { statementPlaceholders } from '../src/statement';

function tempContent(dir: string, files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'deltalab-exercises-'));
  mkdirSync(path.join(root, dir), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, dir, name), text);
  return root;
}

describe('loadExercises', () => {
  it('loads every registered exercise, validated, in the notes’ topic order', () => {
    const exercises = loadExercises();
    expect(exercises).toHaveLength(registry.length);
    const topicOrder = exercises.map((e) => topics.findIndex((t) => t.id === e.topic));
    expect(topicOrder).toEqual([...topicOrder].sort((a, b) => a - b));
    expect(exercises.map((e) => e.slug)).toEqual(
      expect.arrayContaining(['perceptron-forward', 'mlp-forward-pass', 'backprop-mazur', 'mlp-forward-code', 'mlp-backprop-code']),
    );
  });

  it('keeps the contract field names of the required numeric exercises', () => {
    const names = (slug: string) => {
      const e = getExercise(slug);
      return e.kind === 'numeric' ? e.fields.map((f) => f.name) : [];
    };
    expect(names('perceptron-forward')).toEqual(['y_hat']);
    expect(names('mlp-forward-pass')).toEqual(['z2_1', 'z2_2', 'a2_1', 'a2_2', 'z3_1', 'z3_2', 'a3_1', 'a3_2']);
    expect(names('backprop-mazur')).toEqual([
      'out_h1',
      'out_h2',
      'out_o1',
      'out_o2',
      'E_total',
      'dE_dw5',
      'dE_dw7',
      'dE_dw1',
      'w5_new',
      'w1_new',
    ]);
  });

  it('fails on a broken definition with the folder path and the offending key', () => {
    const dir = 'forward-pass/perceptron-forward';
    const root = tempContent(dir, { 'statement.md': 'x' });
    const broken = { ...perceptronForward, fields: [{ name: 'y hat', label: '' }] } as unknown as ExerciseDefinition;
    expect(() => loadExercisesFrom([{ dir, definition: broken }], root)).toThrow(ExerciseLoadError);
    expect(() => loadExercisesFrom([{ dir, definition: broken }], root)).toThrow(path.join(root, dir));
    expect(() => loadExercisesFrom([{ dir, definition: broken }], root)).toThrow(/fields/);
  });

  it('fails when statement.md is missing, uses an unknown placeholder, or the folder is not topic/slug', () => {
    const dir = 'forward-pass/perceptron-forward';
    expect(() => loadExercisesFrom([{ dir, definition: perceptronForward }], tempContent(dir, {}))).toThrow(/statement\.md is missing/);
    expect(() => loadExercisesFrom([{ dir, definition: perceptronForward }], tempContent(dir, { 'statement.md': '{{nope}}' }))).toThrow(
      /\{\{nope\}\}/,
    );
    const wrongDir = 'losses/perceptron-forward';
    expect(() =>
      loadExercisesFrom([{ dir: wrongDir, definition: perceptronForward }], tempContent(wrongDir, { 'statement.md': 'x' })),
    ).toThrow(/topic\/slug/);
  });

  it('rejects a derive that refers to a field below it', () => {
    const dir = 'forward-pass/perceptron-forward';
    const root = tempContent(dir, { 'statement.md': 'x' });
    const broken = {
      ...perceptronForward,
      fields: [
        { name: 'a', label: 'a', derive: { from: ['b'], compute: () => 0 } },
        { name: 'b', label: 'b' },
      ],
    } as unknown as ExerciseDefinition;
    expect(() => loadExercisesFrom([{ dir, definition: broken }], root)).toThrow(/derives from b/);
  });

  it('resolves the content dir next to src/, or from DELTALAB_EXERCISES_DIR', () => {
    expect(exercisesContentDir()).toBe(path.resolve(__dirname, '../content'));
    process.env.DELTALAB_EXERCISES_DIR = '/some/where';
    try {
      expect(exercisesContentDir()).toBe('/some/where');
    } finally {
      delete process.env.DELTALAB_EXERCISES_DIR;
    }
  });

  it('gives every exercise a stable content hash and a clear error for an unknown slug', () => {
    const hashes = loadExercises().map((e) => e.contentHash);
    expect(new Set(hashes).size).toBe(hashes.length);
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(() => getExercise('no-such-exercise')).toThrow("unknown exercise 'no-such-exercise'");
  });
});

describe('instantiateVariant (the student view)', () => {
  it('fills every placeholder and never includes answers, hidden cases or correct flags', () => {
    for (const exercise of loadExercises()) {
      for (const variant of ['canonical' as const, 42]) {
        const view = instantiateVariant(exercise, variant);
        expect(statementPlaceholders(view.statementMarkdown)).toEqual([]);
        const json = JSON.stringify(view);
        expect(json).not.toContain('"correct"');
        expect(json).not.toContain('"hidden":true');
        expect(json).not.toMatch(/"values"|"derive"|"solve"|"reference"/);
        if (exercise.kind === 'numeric') expect(view.fields?.map((f) => f.name)).toEqual(exercise.fields.map((f) => f.name));
        if (exercise.kind === 'code') {
          expect(view.starter).toBe(exercise.starter);
          expect(view.visibleCases?.length).toBeGreaterThan(0);
        }
        // Plain JSON: survives a round trip unchanged.
        expect(JSON.parse(json)).toEqual(view);
      }
    }
  });
});
