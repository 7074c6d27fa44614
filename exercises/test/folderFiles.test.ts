import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import perceptronForward from '../content/forward-pass/perceptron-forward/definition';
import { ExerciseLoadError, exerciseFromFiles, exercisesContentDir, hashFiles, loadExercises } from '../src/index';

function folderFiles(dir: string): Record<string, string> {
  const folder = path.join(exercisesContentDir(), dir);
  return Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));
}

describe('an exercise folder as files (what the site stores for exercises authored there)', () => {
  it('hashFiles gives every catalogue folder the content hash the loader gives it: an exported site exercise keeps its version', () => {
    for (const exercise of loadExercises()) expect(hashFiles(folderFiles(exercise.dir)), exercise.dir).toBe(exercise.contentHash);
  });

  it('exerciseFromFiles builds the same exercise as the loader, with the same checks', () => {
    const files = folderFiles('forward-pass/perceptron-forward');
    const exercise = exerciseFromFiles(perceptronForward, files, 'site');
    const loaded = loadExercises().find((e) => e.slug === 'perceptron-forward')!;
    expect(exercise.contentHash).toBe(loaded.contentHash);
    expect(exercise.statementTemplate).toBe(loaded.statementTemplate);
    expect(() => exerciseFromFiles(perceptronForward, { ...files, 'statement.md': 'Uses {{nothing}}.' }, 'site')).toThrow(
      new ExerciseLoadError('site', 'statement.md uses {{nothing}} but variants.display() does not provide it'),
    );
    expect(() => exerciseFromFiles({ ...perceptronForward, points: -1 }, files, 'site')).toThrow(/definition\.ts: .*points/s);
  });
});
