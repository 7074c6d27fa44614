import { z } from 'zod';
import type { SubmissionPayload } from '@deltalab/db';
import type { Exercise } from '@deltalab/exercises';
import { SubmissionError } from './submissionError';

/** POST /api/submissions body. */
export const submissionRequest = z
  .object({
    exercise: z.string().trim().min(1, 'exercise: give the exercise slug, e.g. "mlp-forward-pass"').max(100),
    code: z.string({ error: 'code must be a string' }).optional(),
    answers: z
      .record(
        z.string().max(64),
        z.union([z.string().max(200, 'each answer is at most 200 characters'), z.array(z.string().max(64)).max(50)]),
        { error: 'answers must be an object of field name → value' },
      )
      .optional(),
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
    case 'code':
    case 'challenge': {
      if (code === undefined) {
        throw new SubmissionError('wrong-payload', `'${exercise.slug}' is a ${exercise.kind} exercise: send { exercise, code }.`);
      }
      const bytes = Buffer.byteLength(code, 'utf8');
      const limit = exercise.limits.sourceKb * 1024;
      if (bytes > limit) {
        throw new SubmissionError(
          'code-too-large',
          `Your code is ${(bytes / 1024).toFixed(1)} kB; the limit for '${exercise.slug}' is ${exercise.limits.sourceKb} kB.`,
        );
      }
      if (code.trim() === '') throw new SubmissionError('wrong-payload', 'Your code is empty.');
      return { code };
    }
    case 'numeric': {
      if (answers === undefined) {
        throw new SubmissionError('wrong-payload', `'${exercise.slug}' is a numeric exercise: send { exercise, answers: { field: "value" } }.`);
      }
      const names = new Set(exercise.fields.map((f) => f.name));
      const unknown = Object.keys(answers).filter((name) => !names.has(name));
      if (unknown.length > 0) {
        throw new SubmissionError(
          'wrong-payload',
          `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} for '${exercise.slug}' (fields: ${[...names].join(', ')}).`,
        );
      }
      const clean: Record<string, string> = {};
      for (const [name, value] of Object.entries(answers)) {
        if (typeof value !== 'string') throw new SubmissionError('wrong-payload', `Field ${name} takes one number as text, not a list.`);
        clean[name] = value;
      }
      return { answers: clean };
    }
    case 'choice': {
      const selected = answers?.selected;
      if (selected === undefined) {
        throw new SubmissionError('wrong-payload', `'${exercise.slug}' is a choice exercise: send { exercise, answers: { selected: ["optionId"] } }.`);
      }
      const ids = Array.isArray(selected) ? selected : [selected];
      const known = new Set(exercise.options.map((o) => o.id));
      const bad = ids.filter((id) => !known.has(id));
      if (bad.length > 0) throw new SubmissionError('wrong-payload', `Unknown option ${bad.join(', ')} for '${exercise.slug}'.`);
      if (ids.length === 0) throw new SubmissionError('wrong-payload', 'Select an option.');
      if (exercise.mode === 'single' && ids.length > 1) {
        throw new SubmissionError('wrong-payload', `'${exercise.slug}' takes exactly one option.`);
      }
      return { answers: { selected: [...new Set(ids)] } };
    }
  }
}
