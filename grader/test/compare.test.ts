import { describe, expect, it } from 'vitest';
import { compareWithTolerance, diagnoseMistake, parseNumericAnswer } from '../src/compare';

// The tolerance rule itself is tested where it lives: exercises/test/rules/ (STACK's tables, PrairieLearn's rule).
describe('compareWithTolerance applies the shared rule', () => {
  it('to every number: the default is 3 significant figures, PrairieLearn’s 0.51 units', () => {
    expect(compareWithTolerance([0.0822], [0.082167]).equal).toBe(true);
    expect(compareWithTolerance([0.0818], [0.082167]).equal).toBe(false);
    expect(compareWithTolerance({ w: 1.05 }, { w: 1 }, { mode: 'relative', max: 0.05 }).equal).toBe(true);
  });
});

describe('compareWithTolerance', () => {
  it('checks type before shape before values', () => {
    const r = compareWithTolerance('0.5', [0.5]);
    expect(r).toMatchObject({ equal: false, kind: 'type' });
    expect(compareWithTolerance([1, 2], [1, 2, 3])).toMatchObject({ equal: false, kind: 'shape', path: 'result' });
    // a shape problem deeper in is reported even if an earlier value is wrong
    expect(compareWithTolerance([[9], [1, 2]], [[1], [1, 2, 3]])).toMatchObject({ kind: 'shape', path: 'result[1]' });
  });
  it('names the first differing index with both values for visible cases', () => {
    const r = compareWithTolerance({ dW: [[[0.1, 0.2]]], db: [[0]] }, { dW: [[[0.1, 0.3]]], db: [[0]] });
    expect(r).toMatchObject({ equal: false, kind: 'value', path: 'result.dW[0][0][1]' });
    if (!r.equal) expect(r.message).toBe('result.dW[0][0][1]: expected 0.3, got 0.2');
  });
  it('never reveals expected values in hidden cases', () => {
    const r = compareWithTolerance([0.123456], [0.987654], undefined, { hidden: true, caseName: 'deep-relu', hint: 'Check ReLU at 0.' });
    expect(r.equal).toBe(false);
    if (!r.equal) {
      expect(r.message).toContain('Hidden case "deep-relu"');
      expect(r.message).toContain('Check ReLU at 0.');
      expect(r.message).not.toContain('0.987');
      expect(r.message).not.toContain('0.123');
    }
  });
  it('rejects NaN even against NaN and accepts typed arrays as expected values', () => {
    expect(compareWithTolerance([NaN], [NaN]).equal).toBe(false);
    expect(compareWithTolerance([0.5, 0.25], new Float32Array([0.5, 0.25])).equal).toBe(true);
    const r = compareWithTolerance([Infinity], [1]);
    if (!r.equal) expect(r.message).toContain('Infinity');
  });
  it('reports missing object properties', () => {
    expect(compareWithTolerance({ dW: [] }, { dW: [], db: [] })).toMatchObject({ kind: 'shape', path: 'result.db' });
  });
});

describe('parseNumericAnswer', () => {
  it.each([
    ['0.082', 0.082],
    ['8.2e-2', 0.082],
    ['-0.0226', -0.0226],
    ['0,0822', 0.0822],
    ['  .5 ', 0.5],
    ['12,5', 12.5],
    ['\u22120.5', -0.5],
    ['3', 3],
    ['8.2e\u22122', 0.082],
    ['\u22128.2E\u22122', -0.082],
    ['1e-300', 1e-300],
  ])('parses %s', (text, value) => {
    expect(parseNumericAnswer(text)).toMatchObject({ ok: true, value });
  });
  it('keeps the figures as typed, normalised, for the figure check', () => {
    expect(parseNumericAnswer(' 0,750 ')).toEqual({ ok: true, value: 0.75, text: '0.750' });
    expect(parseNumericAnswer('\u22128.20e\u22122')).toEqual({ ok: true, value: -0.082, text: '-8.20e-2' });
  });
  it.each([
    ['', 'Empty'],
    ['abc', 'not a number'],
    ['1,234', 'ambiguous'],
    ['1.2.3', 'more than one decimal separator'],
    ['1/4', 'fraction'],
    ['NaN', 'finite'],
    ['Infinity', 'finite'],
    ['8.2e', 'exponent'],
    ['0x10', 'decimal'],
    ['1 000', 'spaces'],
    ['50%', 'percentage'],
    ['1e999', 'out of range: it is too large'],
    ['1e-400', 'out of range: it is too small to be told apart from 0'],
    ['-2.5e-999', 'out of range: it is too small'],
    ['1,000e-3', 'write it with a dot, e.g. 1.000e-3.'],
    ['-1,234', 'write it with a dot, e.g. -1.234.'],
  ])('rejects %j with a specific message', (text, fragment) => {
    const r = parseNumericAnswer(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });
});

describe('diagnoseMistake', () => {
  const expected = {
    dW: [
      [
        [0.1, -0.2, 0.3],
        [0.4, 0.5, -0.6],
      ],
    ],
    db: [[0.7, -0.8]],
  };
  it('recognises a flipped sign', () => {
    const actual = {
      dW: [
        [
          [-0.1, 0.2, -0.3],
          [-0.4, -0.5, 0.6],
        ],
      ],
      db: [[-0.7, 0.8]],
    };
    expect(diagnoseMistake(actual, expected)?.mistake).toBe('sign-flipped');
  });
  it('recognises 2×, ½ and 1/n factors', () => {
    expect(diagnoseMistake([0.2, -0.4], [0.1, -0.2])?.mistake).toBe('scaled-by-2');
    expect(diagnoseMistake([0.05, -0.1], [0.1, -0.2])?.mistake).toBe('scaled-by-0.5');
    expect(diagnoseMistake([0.025, -0.05], [0.1, -0.2], { ns: [4] })?.mistake).toBe('scaled-by-1-over-n');
  });
  it('recognises transposed matrices', () => {
    const actual = {
      dW: [
        [
          [0.1, 0.4],
          [-0.2, 0.5],
          [0.3, -0.6],
        ],
      ],
      db: [[0.7, -0.8]],
    };
    expect(diagnoseMistake(actual, expected)?.mistake).toBe('transposed-matrix');
  });
  it('prefers the exercise mistakes and returns null when nothing fits', () => {
    const candidates = [{ name: 'bias-ignored', message: 'You left out the bias.', output: [0.3, 0.1] }];
    expect(diagnoseMistake([0.3, 0.1], [0.5, 0.2], { candidates })).toEqual({ mistake: 'bias-ignored', message: 'You left out the bias.' });
    expect(diagnoseMistake([0.31, 0.9], [0.5, 0.2], { candidates })).toBeNull();
  });
});
