import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import perceptronForward from '../content/forward-pass/perceptron-forward/definition';
import {
  exerciseFileNames,
  exerciseFolderFiles as folderFiles,
  exerciseFromFiles,
  exercisesContentDir,
  hashFiles,
  hashFolder,
  loadExercises,
} from '../src/index';

describe('an exercise folder as files (what the site stores for exercises authored there)', () => {
  it('hashFiles gives every catalogue folder the content hash the loader gives it: an exported site exercise keeps its version', () => {
    for (const exercise of loadExercises()) expect(hashFiles(folderFiles(exercise.dir)), exercise.dir).toBe(exercise.contentHash);
  });

  it('exerciseFromFiles builds the same exercise as the loader, with the same checks of its data, and calls none of its functions', () => {
    const files = folderFiles('forward-pass/perceptron-forward');
    const exercise = exerciseFromFiles(perceptronForward, files, 'site');
    const loaded = loadExercises().find((e) => e.slug === 'perceptron-forward')!;
    expect(exercise.contentHash).toBe(loaded.contentHash);
    expect(exercise.statementTemplate).toBe(loaded.statementTemplate);
    // An authored exercise's functions run only in the grader's isolates (whose Validate checks display() on many
    // variants): here they are data, never called. The loader checks a catalogue folder's placeholders itself.
    const untouchable = {
      ...perceptronForward,
      variants: {
        ...perceptronForward.variants,
        display: () => {
          throw new Error('called');
        },
      },
    };
    expect(() => exerciseFromFiles(untouchable, { ...files, 'statement.md': 'Uses {{nothing}}.' }, 'site')).not.toThrow();
    expect(() => exerciseFromFiles({ ...perceptronForward, points: -1 }, files, 'site')).toThrow(/definition\.ts: .*points/s);
  });

  it("leaves out the folder's own test: not part of the exercise, its hash or what the site stores", () => {
    const dir = 'forward-pass/perceptron-forward';
    const folder = path.join(exercisesContentDir(), dir);
    expect(existsSync(path.join(folder, 'exercise.test.ts'))).toBe(true);
    expect(Object.keys(folderFiles(dir)).every((name) => (exerciseFileNames as readonly string[]).includes(name))).toBe(true);
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'deltalab-folder-')), 'perceptron-forward');
    cpSync(folder, copy, { recursive: true });
    const withTest = hashFolder(copy);
    rmSync(path.join(copy, 'exercise.test.ts'));
    expect(withTest).toBe(hashFolder(copy));
    expect(withTest).toBe(loadExercises().find((e) => e.dir === dir)!.contentHash);
  });
});
