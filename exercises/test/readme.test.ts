import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadExercises } from '../src/index';

it('README.md lists every registered exercise (step 8 of "How to author an exercise")', () => {
  const readme = readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
  const missing = loadExercises()
    .map((e) => e.slug)
    .filter((slug) => !readme.includes(`\`${slug}\``));
  expect(missing, 'add these to the table in exercises/README.md').toEqual([]);
});
