import type { ApiStatus } from './useApiCall';

/** What the last call did, announced to screen readers: a status when it worked, an alert when it was refused. */
export function StatusLine({ status, testId }: { status: ApiStatus; testId?: string }) {
  if (!status) return null;
  return (
    <p
      role={status.ok ? 'status' : 'alert'}
      data-testid={testId}
      className={`text-sm break-words ${status.ok ? 'text-green-800' : 'text-red-800'}`}
    >
      {status.text}
    </p>
  );
}
