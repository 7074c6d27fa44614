'use client';

import { useState } from 'react';
import { StatusLine } from '@/components/people/StatusLine';
import { jsonInit, useApiCall } from '@/components/people/useApiCall';

interface Resource {
  kind: 'assessment' | 'exercise';
  id: string;
  title: string;
  maxPoints: number;
}
interface Context {
  contextId: string;
  title: string;
  unknown: { url: string; label: string; scoreMaximum: number | null }[];
  withoutColumn: Resource[];
  canCreate: boolean;
  problem?: string;
}
interface Linked {
  label: string;
  resource: string;
  queued: number;
}

const done = (r: Linked) => `“${r.label}” now stands for ${r.resource}; ${r.queued} score${r.queued === 1 ? '' : 's'} queued for it.`;

/** One unknown LMS column: pick what it stands for, link it. */
function UnknownColumn({ contextId, column, resources }: { contextId: string; column: Context['unknown'][number]; resources: Resource[] }) {
  const { status, pending, call } = useApiCall();
  const [resource, setResource] = useState('');
  return (
    <li>
      <form
        className="flex flex-wrap items-center gap-2"
        aria-label={`Link the LMS column ${column.label}`}
        onSubmit={(event) => {
          event.preventDefault();
          void call<Linked>(
            '/api/instructor/lti/line-items',
            jsonInit('POST', { action: 'link', contextId, lineItem: column.url, resource }),
            done,
          );
        }}
      >
        <span>
          {column.label}
          {column.scoreMaximum !== null && ` (${column.scoreMaximum} points)`}
        </span>
        <label className="text-xs">
          stands for{' '}
          <select className="input" value={resource} onChange={(event) => setResource(event.target.value)}>
            <option value="">choose…</option>
            {resources.map((r) => (
              <option key={`${r.kind}:${r.id}`} value={`${r.kind}:${r.id}`}>
                {r.kind === 'assessment' ? 'Assessment' : 'Exercise'}: {r.title} ({r.maxPoints} points)
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-secondary" disabled={pending || !resource}>
          Link
        </button>
      </form>
      <StatusLine status={status} />
    </li>
  );
}

/** An assessment with no LMS column: create one (AGS POST lineitems). */
function CreateColumn({ contextId, resource }: { contextId: string; resource: Resource }) {
  const { status, pending, call } = useApiCall();
  return (
    <li>
      <span>
        {resource.title} ({resource.maxPoints} points){' '}
      </span>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={pending}
        onClick={() =>
          void call<Linked>(
            '/api/instructor/lti/line-items',
            jsonInit('POST', { action: 'create', contextId, resource: `${resource.kind}:${resource.id}` }),
            done,
          )
        }
      >
        Create its column in the LMS
      </button>
      <StatusLine status={status} />
    </li>
  );
}

/** Per linked LMS course: its columns Deltalab does not know (link each), and assessments without a column (create it). */
export function ColumnLinks({ contexts, resources }: { contexts: Context[]; resources: Resource[] }) {
  return (
    <section aria-labelledby="lms-columns" className="space-y-2 text-sm">
      <h2 id="lms-columns" className="text-lg font-semibold">
        Gradebook columns
      </h2>
      {contexts.map((c) => (
        <div key={c.contextId} className="space-y-1">
          <h3 className="font-semibold">{c.title}</h3>
          {c.problem && <p className="text-red-700">{c.problem}</p>}
          {c.unknown.length > 0 && (
            <>
              <p>These columns of the LMS course stand for nothing in Deltalab yet: link each to an assessment or exercise.</p>
              <ul className="list-disc space-y-1 pl-6">
                {c.unknown.map((column) => (
                  <UnknownColumn key={column.url} contextId={c.contextId} column={column} resources={resources} />
                ))}
              </ul>
            </>
          )}
          {c.withoutColumn.length > 0 && (
            <>
              <p>
                These assessments have no column in the LMS course
                {c.canCreate ? '.' : ': the LMS did not let Deltalab create columns (AGS lineitem scope); add them by deep linking.'}
              </p>
              <ul className="list-disc space-y-1 pl-6">
                {c.withoutColumn.map((r) =>
                  c.canCreate ? <CreateColumn key={r.id} contextId={c.contextId} resource={r} /> : <li key={r.id}>{r.title}</li>,
                )}
              </ul>
            </>
          )}
          {!c.problem && c.unknown.length === 0 && c.withoutColumn.length === 0 && (
            <p className="text-slate-600">Every column is linked, and every assessment has one.</p>
          )}
        </div>
      ))}
    </section>
  );
}
