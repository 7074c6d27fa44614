import { expect } from 'vitest';
import { SubmissionError } from '@/server/services/submissions/submissionError';

/** The SubmissionError a service call is refused with (fails the test when it is not refused, or refused otherwise). */
export async function refusal(promise: Promise<unknown>): Promise<SubmissionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SubmissionError);
  return error as SubmissionError;
}
