'use client';

import { StatusLine } from '@/components/people/StatusLine';
import { jsonInit, useApiCall } from '@/components/people/useApiCall';

interface Sent {
  queued: number;
  problems: string[];
}
interface Synced {
  contexts: { title: string; report?: { enrolled: number; pending: number; dropped: number; changed: number }; problem?: string }[];
}

/** "Send grades now" and "Sync roster now". */
export function LmsActions({ canSync }: { canSync: boolean }) {
  const grades = useApiCall();
  const roster = useApiCall();
  return (
    <div className="flex flex-wrap items-start gap-4">
      <div>
        <button
          type="button"
          className="btn"
          disabled={grades.pending}
          onClick={() =>
            void grades.call<Sent>('/api/instructor/lti/grades', jsonInit('POST', {}), (r) =>
              [`${r.queued} score${r.queued === 1 ? '' : 's'} queued for the LMS.`, ...r.problems].join(' '),
            )
          }
        >
          Send grades now
        </button>
        <StatusLine status={grades.status} />
      </div>
      {canSync && (
        <div>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={roster.pending}
            onClick={() =>
              void roster.call<Synced>('/api/instructor/lti/roster', jsonInit('POST', {}), (r) =>
                r.contexts.length === 0
                  ? 'No linked LMS course offers its roster.'
                  : r.contexts
                      .map((c) =>
                        c.report
                          ? `${c.title}: ${c.report.enrolled} enrolled, ${c.report.changed} roles changed, ${c.report.pending} pending, ${c.report.dropped} dropped.`
                          : `${c.title}: ${c.problem}`,
                      )
                      .join(' '),
              )
            }
          >
            Sync roster now
          </button>
          <StatusLine status={roster.status} />
        </div>
      )}
    </div>
  );
}
