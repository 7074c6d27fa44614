import { describe, expect, it } from 'vitest';
import { checkAnswer, type Tolerance } from '../../src/rules';
import { toleranceSchema } from '../../src/toleranceSchema';
import { numAbsolute, numDecPlaces, numRelative, numSigFigs, type StackRow, type StackTable } from './stackAnswerTests';

/**
 * STACK's published verdicts (stackAnswerTests.ts) replayed through Deltalab's rule. A row agrees, or it is listed
 * below with the reason Deltalab deliberately differs; a listed row that starts agreeing fails too, so the list
 * stays true. -1 (STACK refused to run the test) is matched by Deltalab refusing the option: toleranceSchema
 * rejects it when the exercise loads.
 */

/** STACK's option as the value Deltalab's tolerance would carry: a number, or something the schema must refuse. */
function optionValue(option: string): unknown {
  if (option === '') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(option)) return Number(option);
  if (option === '1/0') return Infinity;
  if (option === 'pi') return Math.PI;
  // [n, m]: n figures to show (Deltalab's digits); STACK's separate accuracy m has no counterpart (see below).
  const pair = /^\[(-?\d+),(-?\d+)\]$/.exec(option);
  if (pair) return Number(pair[1]);
  return option;
}

/** STACK's numeric tests with no option use 5 % (NumRelative) and 0.05 (NumAbsolute), as its pages say. */
const STACK_DEFAULT_TOLERANCE = 0.05;

const toleranceFor: Record<string, (value: unknown) => unknown> = {
  NumSigFigs: (value) => ({ mode: 'sigfigs', digits: value }),
  NumDecPlaces: (value) => ({ mode: 'decimals', places: value }),
  NumRelative: (value) => ({ mode: 'relative', max: value ?? STACK_DEFAULT_TOLERANCE }),
  NumAbsolute: (value) => ({ mode: 'absolute', max: value ?? STACK_DEFAULT_TOLERANCE }),
};

/** Deltalab's mark for a row: the student's text typed into a field whose reference is the teacher's number. */
function deltalabMark(table: StackTable, row: StackRow): 1 | 0 | -1 {
  const tolerance = toleranceSchema.safeParse(toleranceFor[table.test]!(optionValue(row.option)));
  if (!tolerance.success) return -1;
  return checkAnswer({ value: Number(row.student), text: row.student }, Number(row.teacher), tolerance.data as Tolerance).correct ? 1 : 0;
}

const MORE_FIGURES =
  'more figures (or decimals) than asked are accepted: STACK wants exactly that many, Deltalab at least that many, because keeping precision is not a mistake';
const EQUAL_TO_REFERENCE = 'an answer equal to the reference is correct however few figures it shows (the exception in the rule)';
const HALF_UNIT =
  'PrairieLearn’s 0.51 of a unit in the last figure accepts an answer exactly half a unit away; STACK rounds the reference and rejects it';
const FLOAT32 =
  'Deltalab’s references are float32 (tfjs): a few float32 ulps (4.8e-7 relative) are always allowed, so answers that differ from the reference in the 8th or 9th figure are accepted';
const STACK_ACCURACY_OPTION =
  'STACK’s [n, m] option asks for n figures but checks accuracy to m figures only (m = 0: not at all); Deltalab has one number of figures, used for both';
const INVALID_OPTION =
  'Deltalab refuses an invalid tolerance when the exercise loads (toleranceSchema), so no answer is ever graded with it; STACK grades 0';
const ZERO_PLACES = 'Deltalab allows 0 decimal places (an answer rounded to a whole number); STACK requires a positive number of places';

/** Every row where Deltalab deliberately differs from STACK, as "student | teacher | option", with the reason. */
const deliberateDifferences: Record<string, Record<string, string>> = {
  NumSigFigs: {
    '0 | 0 | 2': EQUAL_TO_REFERENCE,
    '0.0 | 0 | 2': EQUAL_TO_REFERENCE,
    '0 | 0.0 | 2': EQUAL_TO_REFERENCE,
    '0.0 | 0.0 | 2': EQUAL_TO_REFERENCE,
    '1.5 | 1.500 | 3': EQUAL_TO_REFERENCE,
    '0 | 0 | [2,0]': EQUAL_TO_REFERENCE,
    '0.00 | 0 | [4,0]': EQUAL_TO_REFERENCE,
    '8.25 | 8.250 | [4,-1]': EQUAL_TO_REFERENCE,
    '3.141 | 3.1415927 | 3': MORE_FIGURES,
    '-3.141 | -3.1415927 | 3': MORE_FIGURES,
    '0.16667 | 0.1667 | 4': MORE_FIGURES,
    '1.500 | 1.500 | 3': MORE_FIGURES,
    '245.0 | 245 | 3': MORE_FIGURES,
    '3.1416 | 3.1415927 | [4,3]': MORE_FIGURES,
    '1.500 | 1.5 | [3,1]': MORE_FIGURES,
    '245.0 | 245 | [3,1]': MORE_FIGURES,
    '0.0010 | 0 | [1,0]': MORE_FIGURES,
    '0.00 | 0 | [1,0]': MORE_FIGURES,
    '0.00 | 0 | [3,0]': EQUAL_TO_REFERENCE,
    '0.0498 | 0.04985 | 3': HALF_UNIT,
    '0.0497 | 0.04975 | 3': HALF_UNIT,
    '82.5 | 82 | [2,-1]': HALF_UNIT,
    '6.0221409e23 | 6.02214086e23 | 9': FLOAT32,
    '6.02214087e23 | 6.02214086e23 | 9': FLOAT32,
    '6.02214085e23 | 6.02214086e23 | 9': FLOAT32,
    '5.391063e-44 | 5.3910632e-44 | 8': FLOAT32,
    '5.3910631e-44 | 5.3910632e-44 | 8': FLOAT32,
    '5.3910633e-44 | 5.3910632e-44 | 8': FLOAT32,
    '1.6162294e-35 | 1.61622938e-35 | 9': FLOAT32,
    '1.61622939e-35 | 1.61622938e-35 | 9': FLOAT32,
    '1.61622937e-35 | 1.61622938e-35 | 9': FLOAT32,
    '3.143 | 3.1415927 | [4,3]': STACK_ACCURACY_OPTION,
    '0.1666 | 0.1667 | [4,3]': STACK_ACCURACY_OPTION,
    '180 | 178.35 | [3,1]': STACK_ACCURACY_OPTION,
    '12300.0 | 12345.654321 | [6,3]': STACK_ACCURACY_OPTION,
    '12000.0 | 12345.654321 | [6,2]': STACK_ACCURACY_OPTION,
    '100 | 0 | [1,0]': STACK_ACCURACY_OPTION,
    '100 | 0 | [2,0]': STACK_ACCURACY_OPTION,
    '100 | 0 | [3,0]': STACK_ACCURACY_OPTION,
    '10.0 | 0 | [3,0]': STACK_ACCURACY_OPTION,
  },
  NumDecPlaces: {
    '0.1 | 1 | 0': ZERO_PLACES,
    '3.14 | 3.143 | 1': MORE_FIGURES,
    '3.14 | 3.140 | 3': EQUAL_TO_REFERENCE,
    '7.000 | 7 | 4': EQUAL_TO_REFERENCE,
  },
  NumRelative: { '1 | 0 | (x': INVALID_OPTION },
  NumAbsolute: { '1 | 0 | (x': INVALID_OPTION },
};

const key = (row: StackRow) => `${row.student} | ${row.teacher} | ${row.option}`;
const tables = [numSigFigs, numDecPlaces, numRelative, numAbsolute];

describe.each(tables.map((table) => [table.test, table] as const))('STACK %s, every plain-number row', (test, table) => {
  it.each(table.rows.map((row) => [key(row), row] as const))('%s', (rowKey, row) => {
    const reason = deliberateDifferences[test]![rowKey];
    if (reason === undefined) expect(deltalabMark(table, row), `STACK marks ${row.mark} (${row.note || 'no note'})`).toBe(row.mark);
    else expect(deltalabMark(table, row), `listed as a deliberate difference (${reason}), but Deltalab agrees now`).not.toBe(row.mark);
  });

  it('lists only rows of the table', () => {
    const keys = new Set(table.rows.map(key));
    expect(Object.keys(deliberateDifferences[test]!).filter((k) => !keys.has(k))).toEqual([]);
  });
});

it('has every plain-number row of the four pages (as read at the commits in stackAnswerTests.ts)', () => {
  expect(tables.map((t) => [t.test, t.rows.length])).toEqual([
    ['NumSigFigs', 117],
    ['NumDecPlaces', 18],
    ['NumRelative', 17],
    ['NumAbsolute', 9],
  ]);
});
