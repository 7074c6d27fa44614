import { describe, expect, it } from 'vitest';
import { compareWithTolerance, diagnoseMistake, isClose, parseNumericAnswer } from '../src/compare';

describe('isClose', () => {
  it('accepts 3 significant figures by default semantics (0.5 % relative)', () => {
    const t = { mode: 'sigfigs', digits: 3 } as const;
    expect(isClose(0.0822, 0.082167, t)).toBe(true);
    expect(isClose(0.0826, 0.082167, t)).toBe(false);
  });
  it('matches a float64 answer against a float32 reference, including near zero', () => {
    const t = { mode: 'sigfigs', digits: 3 } as const;
    expect(isClose(0.000438568, Math.fround(0.000438568), t)).toBe(true);
    expect(isClose(0, Math.fround(3e-9), t)).toBe(true);
  });
  it('never treats NaN or infinities as close', () => {
    const t = { mode: 'absolute', max: 1e9 } as const;
    expect(isClose(NaN, NaN, t)).toBe(false);
    expect(isClose(Infinity, Infinity, t)).toBe(false);
    expect(isClose(-Infinity, Infinity, t)).toBe(false);
    expect(isClose(NaN, 1, t)).toBe(false);
    expect(isClose(1, Infinity, t)).toBe(false);
  });
  it('supports absolute, relative and decimal-places modes', () => {
    expect(isClose(1.04, 1, { mode: 'absolute', max: 0.05 })).toBe(true);
    expect(isClose(1.06, 1, { mode: 'absolute', max: 0.05 })).toBe(false);
    expect(isClose(101, 100, { mode: 'relative', max: 0.02 })).toBe(true);
    expect(isClose(103, 100, { mode: 'relative', max: 0.02 })).toBe(false);
    expect(isClose(0.12, 0.1234, { mode: 'decimals', places: 2 })).toBe(true);
    expect(isClose(0.13, 0.1234, { mode: 'decimals', places: 2 })).toBe(false);
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
  ])('parses %s', (text, value) => {
    expect(parseNumericAnswer(text)).toEqual({ ok: true, value });
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
    ['1e999', 'out of range'],
  ])('rejects %j with a specific message', (text, fragment) => {
    const r = parseNumericAnswer(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });
});

describe('diagnoseMistake', () => {
  const expected = { dW: [[[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]], db: [[0.7, -0.8]] };
  it('recognises a flipped sign', () => {
    const actual = { dW: [[[-0.1, 0.2, -0.3], [-0.4, -0.5, 0.6]]], db: [[-0.7, 0.8]] };
    expect(diagnoseMistake(actual, expected)?.mistake).toBe('sign-flipped');
  });
  it('recognises 2×, ½ and 1/n factors', () => {
    expect(diagnoseMistake([0.2, -0.4], [0.1, -0.2])?.mistake).toBe('scaled-by-2');
    expect(diagnoseMistake([0.05, -0.1], [0.1, -0.2])?.mistake).toBe('scaled-by-0.5');
    expect(diagnoseMistake([0.025, -0.05], [0.1, -0.2], { ns: [4] })?.mistake).toBe('scaled-by-1-over-n');
  });
  it('recognises transposed matrices', () => {
    const actual = { dW: [[[0.1, 0.4], [-0.2, 0.5], [0.3, -0.6]]], db: [[0.7, -0.8]] };
    expect(diagnoseMistake(actual, expected)?.mistake).toBe('transposed-matrix');
  });
  it('prefers the exercise mistakes and returns null when nothing fits', () => {
    const candidates = [{ name: 'bias-ignored', message: 'You left out the bias.', output: [0.3, 0.1] }];
    expect(diagnoseMistake([0.3, 0.1], [0.5, 0.2], { candidates })).toEqual({ mistake: 'bias-ignored', message: 'You left out the bias.' });
    expect(diagnoseMistake([0.31, 0.9], [0.5, 0.2], { candidates })).toBeNull();
  });
});
