export type SubmissionErrorCode =
  | 'invalid-request'
  | 'not-signed-in'
  | 'not-enrolled'
  | 'unknown-exercise'
  | 'wrong-payload'
  | 'code-too-large'
  | 'body-too-large'
  | 'attempts-exhausted'
  | 'past-due'
  | 'rate-limited'
  | 'not-found'
  | 'forbidden'
  | 'invalid-model'
  | 'daily-limit'
  | 'challenge-closed'
  | 'too-many-finals'
  | 'conflict'
  | 'not-released'
  | 'assessment-closed'
  | 'not-started'
  | 'wrong-password';

const statusByCode: Record<SubmissionErrorCode, number> = {
  'invalid-request': 400,
  'not-signed-in': 401,
  'not-enrolled': 403,
  'unknown-exercise': 404,
  'wrong-payload': 400,
  'code-too-large': 413,
  'body-too-large': 413,
  'attempts-exhausted': 409,
  'past-due': 403,
  'rate-limited': 429,
  'not-found': 404,
  forbidden: 403,
  'invalid-model': 400,
  'daily-limit': 429,
  'challenge-closed': 403,
  'too-many-finals': 409,
  conflict: 409,
  'not-released': 403,
  'assessment-closed': 409,
  'not-started': 409,
  'wrong-password': 403,
};

/** A refusal with a specific message; routes turn it into a 4xx JSON response. */
export class SubmissionError extends Error {
  override readonly name = 'SubmissionError';
  readonly status: number;
  constructor(
    readonly code: SubmissionErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
    /** A form's refusal: the first message for each field (the API answers them as `fields`). */
    readonly fields?: Partial<Record<string, string>>,
  ) {
    super(message);
    this.status = statusByCode[code];
  }
}

/** A form the API refuses field by field (a zod parse that failed): 400 with the form's message and each field's. */
export function fieldRefusal(refusal: { message: string; fieldErrors: Partial<Record<string, string>> }): SubmissionError {
  return new SubmissionError('invalid-request', refusal.message, undefined, refusal.fieldErrors);
}
