import { jsonResponse, withApiUser } from '@/server/api';
import { answerSubmission } from '@/server/submissionRoutes';

/** GET → { status, score, result, … }; `?wait=N` holds it until graded (see submissionRoutes.ts). */
export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return withApiUser(async (user) => {
    const { id } = await context.params;
    return jsonResponse(await answerSubmission(user, id, new URL(request.url).searchParams.get('wait'), request.signal));
  });
}
