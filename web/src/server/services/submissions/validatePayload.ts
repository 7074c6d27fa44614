import { z } from 'zod';
import type { SubmissionPayload } from '@deltalab/db';
import { expressionSpec, type Exercise } from '@deltalab/exercises';
import { sourceSizeRefusal } from '@deltalab/exercises/rules';
import { parseExpression } from '@deltalab/exercises/expressions';
import { parseNumericAnswer } from '@deltalab/grader';
import { SubmissionError } from './submissionError';

/**
 * One numeric answer: the text a student typed (figures and all: "0.750"), or a JSON number from a script or an LMS
 * integration (no written figures: only its value is checked).
 */
const numericAnswer = z.union([z.string().max(400, 'an answer is at most 400 characters'), z.number()], {
  error: 'expected a number, as JSON (0.082) or as text ("0.082", "8.2e-2")',
});
/** A choice's answer: the ids of the ticked options. */
const selectedOptions = z.union([z.string().max(64), z.array(z.string().max(64)).max(50, 'at most 50 options')], {
  error: 'expected option ids as strings, e.g. ["a"]',
});

/** `answers`: field name → numeric answer, or `selected` → option ids. Each refusal names its field (answers.z2_1). */
const answers = z
  .record(z.string().max(64, 'a field name is at most 64 characters'), z.unknown(), {
    error: 'answers must be an object of field name → value, e.g. { "z2_1": "1.3" } or { "selected": ["a"] }',
  })
  .transform((entries, ctx) => {
    const parsed: Record<string, string | number | string[]> = {};
    for (const [name, value] of Object.entries(entries)) {
      const result = (name === 'selected' ? selectedOptions : numericAnswer).safeParse(value);
      if (!result.success) {
        ctx.addIssue({ code: 'custom', path: [name, ...result.error.issues[0]!.path], message: result.error.issues[0]!.message });
        return z.NEVER;
      }
      parsed[name] = result.data;
    }
    return parsed;
  });

/** POST /api/submissions body. */
export const submissionRequest = z
  .object({
    exercise: z.string().trim().min(1, 'exercise: give the exercise slug, e.g. "mlp-forward-pass"').max(100),
    code: z.string({ error: 'code must be a string' }).optional(),
    answers: answers.optional(),
    /** The assessment the exercise is answered in (checked: the exercise must be one of its questions). */
    assessment: z.string().trim().min(1, 'assessment: give the assessment slug, e.g. "quiz-1"').max(100).optional(),
  })
  .strict();

export type SubmissionRequest = z.infer<typeof submissionRequest>;

/** Checks the payload against the exercise's kind and limits; returns what is stored. */
export function validatePayload(exercise: Exercise, request: SubmissionRequest): SubmissionPayload {
  const { code, answers } = request;
  if (code !== undefined && answers !== undefined) {
    throw new SubmissionError('wrong-payload', 'Send either code or answers, not both.');
  }
  switch (exercise.kind) {
    case 'challenge':
      throw new SubmissionError(
        'wrong-payload',
        `'${exercise.slug}' is a challenge: enter a trained model with POST /api/challenges/${exercise.slug}/entries.`,
      );
    case 'code': {
      if (code === undefined) {
        throw new SubmissionError('wrong-payload', `'${exercise.slug}' is a ${exercise.kind} exercise: send { exercise, code }.`);
      }
      // The same limit, in the same bytes, as the grader's sandbox: nothing passes here to fail there.
      const tooLarge = sourceSizeRefusal(code, exercise.limits, exercise.slug);
      if (tooLarge) throw new SubmissionError('code-too-large', tooLarge);
      if (code.trim() === '') throw new SubmissionError('wrong-payload', 'Your code is empty.');
      return { code };
    }
    case 'numeric': {
      if (answers === undefined) {
        throw new SubmissionError(
          'wrong-payload',
          `'${exercise.slug}' is a numeric exercise: send { exercise, answers: { field: "value" } }.`,
        );
      }
      const names = new Set(exercise.fields.map((f) => f.name));
      const unknown = Object.keys(answers).filter((name) => !names.has(name));
      if (unknown.length > 0) {
        throw new SubmissionError(
          'wrong-payload',
          `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} for '${exercise.slug}' (fields: ${[...names].join(', ')}).`,
        );
      }
      // Only `selected` can hold a list, and it is not a field of a numeric exercise.
      const given = answers as Record<string, string | number>;
      const answered = Object.entries(given).filter(([, value]) => typeof value === 'number' || value.trim() !== '');
      if (answered.length === 0) {
        throw new SubmissionError('wrong-payload', `No answers given: fill in at least one field (fields: ${[...names].join(', ')}).`);
      }
      // Text that is no number (or, for an expression field, no expression the grader can read) is refused before
      // it is stored: the student keeps the attempt and reads why at once.
      const fields = new Map(exercise.fields.map((f) => [f.name, f]));
      for (const [name, value] of answered) {
        const field = fields.get(name)!;
        const parsed =
          field.kind === 'expression'
            ? parseExpression(String(value), expressionSpec(field))
            : typeof value === 'number'
              ? null
              : parseNumericAnswer(value);
        if (parsed && !parsed.ok) throw new SubmissionError('wrong-payload', `answers.${name}: ${parsed.message}`);
      }
      return { answers: given };
    }
    case 'choice': {
      const { selected, ...others } = answers ?? {};
      if (selected === undefined) {
        throw new SubmissionError(
          'wrong-payload',
          `'${exercise.slug}' is a choice exercise: send { exercise, answers: { selected: ["optionId"] } }.`,
        );
      }
      const extra = Object.keys(others);
      if (extra.length > 0) {
        throw new SubmissionError('wrong-payload', `answers.${extra[0]}: a choice takes only selected: ["optionId", …].`);
      }
      const ids = Array.isArray(selected) ? selected : [selected as string];
      const known = new Set(exercise.options.map((o) => o.id));
      const bad = ids.filter((id) => !known.has(id));
      if (bad.length > 0) {
        throw new SubmissionError(
          'wrong-payload',
          `Unknown option ${bad.join(', ')} for '${exercise.slug}' (options: ${[...known].join(', ')}).`,
        );
      }
      if (ids.length === 0) throw new SubmissionError('wrong-payload', 'answers.selected: select an option.');
      if (exercise.mode === 'single' && ids.length > 1) {
        throw new SubmissionError('wrong-payload', `answers.selected: '${exercise.slug}' takes exactly one option.`);
      }
      return { answers: { selected: [...new Set(ids)] } };
    }
  }
}
