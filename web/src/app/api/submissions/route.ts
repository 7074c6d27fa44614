import { jsonResponse, readJson, withApiUser } from '@/server/api';
import { acceptSubmission } from '@/server/submissionRoutes';

/** POST { exercise, code | answers } → 202 { id }: stored, then graded from the queue; `?wait=N` (see submissionRoutes.ts). */
export function POST(request: Request) {
  return withApiUser(async (user) =>
    jsonResponse(await acceptSubmission(user, await readJson(request), new URL(request.url).searchParams.get('wait'), request.signal)),
  );
}
