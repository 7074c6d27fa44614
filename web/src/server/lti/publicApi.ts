import 'server-only';
import { jsonError } from '../api';
import { databaseFault } from '../databaseUnavailable';

/** A public JSON endpoint (JWKS, Canvas config): no session needed; faults are specific, never a stack trace. */
export async function withPublicApi(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    const fault = databaseFault(error);
    if (fault) return jsonError(fault.status, fault.code, fault.message);
    console.error('API error', error);
    return jsonError(500, 'internal', 'Something went wrong on the server. Please try again.');
  }
}
