/**
 * The exercise runtime: trusted code that is bundled WITH a site-authored exercise folder and runs inside the same
 * isolate context as the author's code, never on the host. It turns the folder's definition (functions and all) into
 * plain data the host asks for, one call at a time, in one fresh context per job:
 *
 *   describe()                  the definition as data, each function replaced by FUNCTION_MARKER
 *   params(variant)             the givens (variants.canonical, or variants.generate with the variant's seeded rng)
 *   display()                   variants.display(params): the statement's placeholders
 *   solve(variant)              numeric: the reference's values (solveVariant, as for catalogue exercises)
 *   derive(requests)            numeric: fields recomputed from given upstream values (error carried forward)
 *   cases(variant)              code: the visible and hidden cases (cases.visible, cases.hidden with the seeded rng)
 *   expected()                  code: the reference's output for each case of cases()
 *   mistakes()                  code: each named mistake's output for each case of cases() it applies to
 *
 * Every call returns a RuntimeOutcome: a value, or what the author's code threw with its stack (the host maps the
 * stack to the folder's file). Nothing here may import Node or anything with side effects: it is bundled into the
 * isolate script (grader/src/authored/compileExerciseFolder.ts), where only V8's built-ins and tfjs exist.
 */
import type { CodeCase, Exercise, ExerciseDefinition, Params, VariantSelector } from '@deltalab/exercises';
// The one part of the exercises package that runs in here: the same variant logic catalogue exercises go through.
import { expectedOutput, solveVariant, variantCases, variantParams } from '@deltalab/exercises/variant';

/** Stands for a function in describe()'s data: functions never leave the isolate. */
export const FUNCTION_MARKER = '\u0000deltalab:function\u0000';

export type RuntimeOutcome<T = unknown> = { ok: true; value: T } | { ok: false; message: string; stack: string };

/** One field to recompute for error carried forward: its name and the student's upstream values. */
export type DerivationRequest = { field: string; upstream: Record<string, number> };

/** What one case's named mistakes output (null where a mistake throws on that case or does not apply). */
export type MistakeOutputs = ({ id: string; output: unknown } | null)[];

const MAX_DEPTH = 32;

function thrown(error: unknown): { ok: false; message: string; stack: string } {
  let message: string;
  let stack = '';
  try {
    if (error instanceof Error) {
      message = `${error.name && error.name !== 'Error' ? `${error.name}: ` : ''}${String(error.message)}`;
      stack = typeof error.stack === 'string' ? error.stack : '';
    } else message = `Thrown value: ${String(error)}`;
  } catch {
    message = 'An exception was thrown that could not be described.';
  }
  return { ok: false, message: message.slice(0, 1000), stack: stack.slice(0, 4000) };
}

function attempt<T>(work: () => T): RuntimeOutcome<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return thrown(error);
  }
}

/** The definition as data: functions become FUNCTION_MARKER; anything but plain objects, arrays and primitives is refused. */
function describeValue(value: unknown, path: string, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new Error(`${path} is nested more than ${MAX_DEPTH} levels deep.`);
  if (typeof value === 'function') return FUNCTION_MARKER;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => describeValue(item, `${path}[${i}]`, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new Error(`${path} is an object of a class; a definition holds plain data and functions.`);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = describeValue((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
  return out;
}

/** Case arguments are plain JSON data: each call of the author's code gets a pristine copy. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function createExerciseRuntime(loaded: unknown) {
  const definition = loaded as ExerciseDefinition | undefined;
  // What variant.ts's helpers read of an Exercise besides the definition (none of it is used by the calls below).
  const exercise = { ...(definition ?? {}), dir: '', statementTemplate: '', contentHash: '' } as Exercise;
  let params: Params | undefined;
  let cases: (CodeCase & { hidden: boolean })[] = [];

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`internal: ${what} was not computed first`);
    return value;
  };

  return {
    describe(): RuntimeOutcome {
      if (definition === undefined || definition === null)
        return { ok: false, message: 'definition.ts has no default export (export default defineExercise({ … })).', stack: '' };
      return attempt(() => describeValue(definition, 'the definition', 0));
    },
    params(variant: VariantSelector): RuntimeOutcome {
      return attempt(() => {
        params = variantParams(exercise, variant);
        return params;
      });
    },
    display(): RuntimeOutcome {
      return attempt(() => need(definition, 'the definition').variants.display(need(params, 'params')));
    },
    solve(variant: VariantSelector): RuntimeOutcome {
      // solveVariant, as for a catalogue exercise; its params come from the generator again (deterministic).
      return attempt(() => solveVariant(exercise, variant));
    },
    derive(requests: DerivationRequest[]): RuntimeOutcome<(number | null)[]> {
      return attempt(() =>
        requests.map(({ field, upstream }) => {
          if (definition?.kind !== 'numeric') return null;
          const compute = definition.fields.find((f) => f.name === field)?.derive?.compute;
          if (!compute) return null;
          try {
            const value = compute(need(params, 'params'), copy(upstream));
            return typeof value === 'number' ? value : null;
          } catch {
            // a formula that cannot run on these values carries nothing
            return null;
          }
        }),
      );
    },
    cases(variant: VariantSelector): RuntimeOutcome {
      return attempt(() => {
        cases = need(definition, 'the definition').kind === 'code' ? variantCases(exercise, variant) : [];
        return cases;
      });
    },
    expected(): RuntimeOutcome {
      return attempt(() => cases.map((c) => expectedOutput(exercise, { name: c.name, entry: c.entry, args: copy(c.args) })));
    },
    mistakes(): RuntimeOutcome<MistakeOutputs[]> {
      return attempt(() => {
        if (definition?.kind !== 'code') return [];
        const firstEntry = definition.entries[0]?.name;
        return cases.map((c) =>
          definition.mistakes.map((mistake) => {
            if ((mistake.entry ?? firstEntry) !== c.entry) return null;
            try {
              return { id: mistake.id, output: mistake.solve(...copy(c.args)) as unknown };
            } catch {
              return null; // a mistake that cannot run on this case simply does not explain it
            }
          }),
        );
      });
    },
  };
}

export type RuntimeEntry = keyof ReturnType<typeof createExerciseRuntime>;
