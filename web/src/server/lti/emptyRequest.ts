import 'server-only';
import { z } from 'zod';
import { readJson } from '../api';
import { SubmissionError } from '../services/submissions/submissionError';

const empty = z.object({}).strict();

/** An action that takes no fields ("send grades now", "sync roster now"): its body is `{}`, and anything else is refused. */
export async function readEmptyRequest(request: Request): Promise<void> {
  const parsed = empty.safeParse(await readJson(request));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SubmissionError(
      'invalid-request',
      issue.code === 'unrecognized_keys'
        ? `This request takes no fields (send {}): ${issue.keys.join(', ')} is not one.`
        : 'Send {} as the body.',
    );
  }
}
