import type { NumericField } from '@deltalab/exercises';
import { describe, expect, it } from 'vitest';
import { gradeNumericFields } from '../src/numeric';

// A small chain: z = w·x + b, a = σ(z), loss = ½(t − a)²; each field derives from the one above.
const params = { w: 0.5, x: 2, b: 0.1, t: 1 };
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const fields: NumericField[] = [
  { name: 'z', label: 'z' },
  { name: 'a', label: 'a', plausible: { min: 0, max: 1 }, derive: { from: ['z'], compute: (_p, u) => sigmoid(u.z!) } },
  {
    name: 'loss',
    label: 'E',
    plausible: { min: 0, max: Infinity },
    derive: { from: ['a'], compute: (p, u) => 0.5 * ((p.t as number) - u.a!) ** 2 },
  },
];
const z = params.w * params.x + params.b;
const a = sigmoid(z);
const reference = { z, a, loss: 0.5 * (params.t - a) ** 2 };
/** The reference's formula on the student's upstream values, as a catalogue exercise's reference computes it. */
const derived = (name: string, upstream: Record<string, number>) => fields.find((f) => f.name === name)?.derive?.compute(params, upstream);
const grade = (answers: Record<string, string>, carriedCredit = 0.5) =>
  gradeNumericFields({ fields, reference, answers, carriedCredit, derived });

describe('gradeNumericFields', () => {
  it('marks every field correct for the reference values', () => {
    const r = grade({ z: '1.1', a: String(a), loss: reference.loss.toPrecision(4) });
    expect(r.map((f) => f.status)).toEqual(['correct', 'correct', 'correct']);
  });

  it('carries an upstream error forward through the chain', () => {
    const wrongZ = 1.3; // e.g. forgot nothing but mis-added
    const aFromWrong = sigmoid(wrongZ);
    const lossFromWrong = 0.5 * (1 - aFromWrong) ** 2;
    const r = grade({ z: String(wrongZ), a: aFromWrong.toPrecision(4), loss: lossFromWrong.toPrecision(4) });
    expect(r.map((f) => f.status)).toEqual(['wrong', 'carried', 'carried']);
    expect(r[1]).toMatchObject({ credit: 0.5, carriedFrom: ['z'] });
    expect(r[2]).toMatchObject({ carriedFrom: ['a'] });
    expect(r[1]!.message).toMatch(/Consistent with your value of z/);
  });

  it('uses the configured carried credit', () => {
    const r = grade({ z: '1.3', a: sigmoid(1.3).toPrecision(4) }, 0.25);
    expect(r[1]!.credit).toBe(0.25);
    expect(r[2]!.status).toBe('missing');
  });

  it('refuses carried credit from a trivial or implausible upstream value', () => {
    // a = 0 is trivial (the true a is 0.75): loss = ½ would otherwise be "consistent"
    const trivial = grade({ z: '1.1', a: '0', loss: '0.5' });
    expect(trivial.map((f) => f.status)).toEqual(['correct', 'wrong', 'wrong']);
    // a = 3 is outside what a sigmoid can give
    const outOfRange = grade({ z: '1.1', a: '3', loss: String(0.5 * (1 - 3) ** 2) });
    expect(outOfRange[2]!.status).toBe('wrong');
  });

  it('does not carry from a missing or invalid upstream field', () => {
    const r = grade({ z: 'abc', a: '0.9' });
    expect(r[0]!.status).toBe('invalid');
    expect(r[1]!.status).toBe('wrong');
  });

  it('names a flipped sign or a factor 2 on a wrong field', () => {
    const r = grade({ z: String(-z) });
    expect(r[0]!.diagnosis?.mistake).toBe('sign-flipped');
    const doubled = grade({ z: String(2 * z) });
    expect(doubled[0]!.diagnosis?.mistake).toBe('scaled-by-2');
    const plain = grade({ z: '7' });
    expect(plain[0]!.diagnosis).toBeUndefined();
  });

  it('accepts a decimal comma and rejects ambiguous input with a message', () => {
    const r = grade({ z: '1,1', a: '0,750' });
    expect(r[0]!.status).toBe('correct');
    expect(r[1]!.status).toBe('correct'); // 0,750 has a zero integer part: not a thousands separator
    const amb = grade({ z: '1,100' });
    expect(amb[0]).toMatchObject({ status: 'invalid' });
    expect(amb[0]!.message).toMatch(/ambiguous/);
  });
});

describe('the rule as the student meets it', () => {
  it('refuses an answer showing fewer figures than asked, saying how many to give, unless it is the reference', () => {
    const r = grade({ z: '1.1', a: a.toPrecision(2), loss: reference.loss.toPrecision(3) });
    expect(r[0]).toMatchObject({ status: 'correct' }); // "1.1" is the reference itself
    expect(r[1]).toMatchObject({ status: 'wrong', message: `Not correct. Give 3 significant figures: ${a.toPrecision(2)} shows 2.` });
    expect(r[2]!.status).toBe('correct');
  });

  it('states the rule in one sentence when nothing more specific explains a wrong answer', () => {
    expect(grade({ z: '7.00' })[0]!.message).toBe(
      'Not correct. Give 3 significant figures: correct means within half a unit of the 3rd figure.',
    );
  });

  it('takes JSON numbers (API clients): only the value is checked, a number has no written figures', () => {
    const r = gradeNumericFields({
      fields,
      reference,
      derived,
      answers: { z: 1.1, a: Number(a.toPrecision(3)), loss: Infinity },
      carriedCredit: 0.5,
    });
    expect(r.map((f) => f.status)).toEqual(['correct', 'correct', 'invalid']);
    expect(r[2]!.message).toBe('Infinity is not accepted: give a finite number.');
  });

  it('carries an error forward only when the answer shows enough figures for the recomputed value too', () => {
    const aFromWrong = sigmoid(1.3);
    expect(grade({ z: '1.3', a: aFromWrong.toPrecision(4) })[1]!.status).toBe('carried');
    expect(grade({ z: '1.3', a: aFromWrong.toPrecision(2) })[1]).toMatchObject({
      status: 'wrong',
      message: expect.stringContaining('Give 3 significant figures'),
    });
  });
});
