import { describe, expect, it } from 'vitest';
import { getExercise, solveVariant } from '../../../src/index';

const exercise = getExercise('learning-curve-diagnosis');

/** The loss rows of the statement's table. */
function curves(): { epochs: number[]; train: number[]; validation: number[] } {
  const row = (label: string) => {
    const line = exercise.statementTemplate.split('\n').find((l) => l.startsWith(`| ${label} |`));
    if (!line) throw new Error(`no row ${label}`);
    return line
      .split('|')
      .slice(2, -1)
      .map((cell) => Number(cell.trim()));
  };
  return { epochs: row('epoch'), train: row('training loss'), validation: row('validation loss') };
}

describe('learning-curve-diagnosis', () => {
  it('the correct option is overfitting', () => {
    expect(solveVariant(exercise, 'canonical')).toMatchObject({ kind: 'choice', correct: ['overfitting'] });
  });

  it('the table shows overfitting: training loss falls throughout, validation loss bottoms out at epoch 20', () => {
    const { epochs, train, validation } = curves();
    expect(epochs).toHaveLength(train.length);
    expect(validation).toHaveLength(train.length);
    for (let i = 1; i < train.length; i++) expect(train[i]!).toBeLessThan(train[i - 1]!);
    const best = validation.indexOf(Math.min(...validation));
    expect(epochs[best]).toBe(20);
    for (let i = best + 1; i < validation.length; i++) expect(validation[i]!).toBeGreaterThan(validation[i - 1]!);
    // Low training loss: not underfitting.
    expect(train[train.length - 1]!).toBeLessThan(0.05);
    // The correct option names the epoch the table shows.
    if (exercise.kind !== 'choice') throw new Error('choice expected');
    expect(exercise.options.find((o) => o.correct)!.text).toContain(`${epochs[best]} epochs`);
  });
});
