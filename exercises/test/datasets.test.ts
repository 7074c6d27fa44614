import { describe, expect, it } from 'vitest';
import {
  circlesDataset,
  houseDataTable,
  houseFeaturesAndPrices,
  moonsDataset,
  spiralsDataset,
  splitDataset,
  studyHoursTable,
  xorDataset,
  type Dataset,
} from '../src/index';

function expectWellFormed(d: Dataset, n: number, classes: number): void {
  expect(d.x).toHaveLength(n);
  expect(d.y).toHaveLength(n);
  expect(d.classes).toBe(classes);
  for (const point of d.x) {
    expect(point).toHaveLength(2);
    for (const v of point) expect(Number.isFinite(v)).toBe(true);
  }
  for (let c = 0; c < classes; c++) expect(d.y.filter((y) => y === c).length).toBeGreaterThan(n / classes - 2);
}

describe('datasets', () => {
  it('are deterministic in their seed and differ between seeds', () => {
    expect(moonsDataset({ seed: 3 })).toEqual(moonsDataset({ seed: 3 }));
    expect(moonsDataset({ seed: 3 })).not.toEqual(moonsDataset({ seed: 4 }));
    expect(circlesDataset({ seed: 3 })).toEqual(circlesDataset({ seed: 3 }));
    expect(spiralsDataset({ seed: 3 })).toEqual(spiralsDataset({ seed: 3 }));
    expect(xorDataset({ n: 40, noise: 0.1, seed: 3 })).toEqual(xorDataset({ n: 40, noise: 0.1, seed: 3 }));
  });

  it('moons: two balanced classes; without noise the upper moon lies on the unit circle', () => {
    expectWellFormed(moonsDataset({ n: 1000, seed: 1 }), 1000, 2);
    const clean = moonsDataset({ n: 100, noise: 0 });
    clean.x.forEach((p, i) => {
      if (clean.y[i] === 0) expect(Math.hypot(p[0]!, p[1]!)).toBeCloseTo(1, 10);
      else expect(Math.hypot(p[0]! - 1, p[1]! - 0.5)).toBeCloseTo(1, 10);
    });
  });

  it('circles: the inner class at radius `factor`, the outer at 1', () => {
    expectWellFormed(circlesDataset({ n: 500 }), 500, 2);
    const clean = circlesDataset({ n: 100, noise: 0, factor: 0.3 });
    clean.x.forEach((p, i) => expect(Math.hypot(p[0]!, p[1]!)).toBeCloseTo(clean.y[i] === 1 ? 0.3 : 1, 10));
  });

  it('spirals: n points per class, three classes by default, radius within [0, 1] without noise', () => {
    const d = spiralsDataset({ n: 100, noise: 0 });
    expectWellFormed(d, 300, 3);
    for (const p of d.x) expect(Math.hypot(p[0]!, p[1]!)).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('xor: the four corners with labels 0, 1, 1, 0', () => {
    expect(xorDataset()).toEqual({
      x: [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      y: [0, 1, 1, 0],
      classes: 2,
    });
    const noisy = xorDataset({ n: 400, noise: 0.05 });
    expectWellFormed(noisy, 400, 2);
    noisy.x.forEach((p, i) => expect(Math.round(p[0]!) ^ Math.round(p[1]!)).toBe(noisy.y[i]));
  });

  it('splitDataset keeps the first points for training', () => {
    const d = moonsDataset({ n: 10 });
    const { train, test } = splitDataset(d, 7);
    expect(train.x).toEqual(d.x.slice(0, 7));
    expect(test.y).toEqual(d.y.slice(7));
  });

  it('the notes’ tables are as printed', () => {
    expect(houseDataTable.rows).toHaveLength(5);
    expect(houseDataTable.rows[0]).toEqual([0, 1, 26.184098, 1286.68, 96004.804557]);
    expect(houseFeaturesAndPrices().X[4]).toEqual([1, 52.587646, 84.65]);
    expect(studyHoursTable.rows).toHaveLength(8);
    expect(studyHoursTable.rows[2]).toEqual([3, 115, 4, 1.0, 0.95]);
    expect(studyHoursTable.rows.map((r) => r[4])).toEqual([0.93, 0.68, 0.95, 0.75, 0.51, 0.6, 0.89, 0.97]);
  });
});
