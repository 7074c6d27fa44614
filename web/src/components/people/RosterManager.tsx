'use client';

import Link from 'next/link';
import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ResetLinkAnswer } from '@/server/services/accounts/resetLinks';
import type { RosterView } from '@/server/services/people/roster';
import type { RosterImportResult } from '@/server/services/people/rosterImport';
import { OneTimeLink } from './OneTimeLink';
import { StatusLine } from './StatusLine';
import { jsonInit, useApiCall } from './useApiCall';

type Student = RosterView['students'][number];

function StudentRow({ student, canReset, timeZone }: { student: Student; canReset: boolean; timeZone: string }) {
  const { status, pending, call } = useApiCall();
  const [link, setLink] = useState<string | null>(null);
  const url = `/api/instructor/roster/${student.userId}`;
  const when = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso)) : '—';
  async function saveSection(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const section = String(new FormData(event.currentTarget).get('section') ?? '');
    await call(url, jsonInit('PUT', { section }), () =>
      section.trim() ? `${student.name} is in ${section.trim()}.` : `${student.name} has no section now.`,
    );
  }
  return (
    <tr
      className={`border-b border-slate-100 align-top ${student.dropped ? 'text-slate-500' : ''}`}
      data-dropped={student.dropped || undefined}
    >
      <td className="py-2">
        <Link href={`/instructor/students/${student.userId}`} className="text-indigo-700 hover:underline">
          {student.name}
        </Link>
        {student.dropped ? ' (dropped)' : ''}
        {student.deactivated ? ' · deactivated' : ''}
        <div className="text-xs">{student.email}</div>
      </td>
      <td>
        <form onSubmit={saveSection} className="flex gap-1">
          <input
            name="section"
            defaultValue={student.section ?? ''}
            className="input w-28 py-1"
            aria-label={`Section of ${student.name}`}
          />
          <button type="submit" className="rounded border border-slate-300 px-2 text-xs" disabled={pending}>
            Save
          </button>
        </form>
      </td>
      <td>{when(student.lastActivityAt)}</td>
      <td className="text-right">{student.total}</td>
      <td className="space-y-1">
        <div className="flex flex-wrap gap-1">
          <button
            type="button"
            className="btn btn-secondary py-1"
            disabled={pending}
            onClick={() =>
              void call(url, jsonInit('PUT', { dropped: !student.dropped }), () =>
                student.dropped ? `${student.name} is restored.` : `${student.name} is dropped: their submissions stay.`,
              )
            }
          >
            {student.dropped ? 'Restore' : 'Drop'} {student.name}
          </button>
          {canReset && (
            <button
              type="button"
              className="btn btn-secondary py-1"
              disabled={pending}
              onClick={async () => {
                setLink(null);
                const issued = await call<ResetLinkAnswer>(`${url}/reset-link`, jsonInit('POST'), (r) =>
                  r.emailed
                    ? `A reset link was emailed to ${r.email}.`
                    : `Reset link for ${r.email}, valid 24 h.${r.mailProblem ? ` ${r.mailProblem}` : ''}`,
                );
                setLink(issued?.link ?? null);
              }}
            >
              Reset link for {student.name}
            </button>
          )}
        </div>
        <StatusLine status={status} />
        {link && <OneTimeLink link={link} label={`Password link for ${student.email}.`} />}
      </td>
    </tr>
  );
}

function ImportForm() {
  const { status, pending, call } = useApiCall();
  const [text, setText] = useState<string | null>(null);
  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setText(file ? await file.text() : null);
  }
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text === null) return;
    await call<RosterImportResult>(
      '/api/instructor/roster/import',
      { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: text },
      (r) =>
        `Imported: ${r.enrolled} enrolled, ${r.invited} invited (no account yet), ${r.updated} updated, ${r.unchanged} unchanged.${r.mailProblems.length ? ` ${r.mailProblems.join(' ')}` : ''}`,
    );
  }
  return (
    <form onSubmit={onSubmit} className="card space-y-2" aria-labelledby="import-heading">
      <h2 id="import-heading" className="font-medium">
        Import a roster (CSV)
      </h2>
      <p className="text-sm text-slate-600">
        A header line <code>email,name</code> or <code>email,name,section</code>, then one student a line. Accounts are enrolled now; emails
        without one are enrolled when they sign up (no join code needed) or sign in with GitHub or Google. A bad line refuses the whole
        file.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="roster-file" className="text-sm">
          Roster file
        </label>
        <input id="roster-file" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} className="text-sm" />
        <button type="submit" className="btn btn-primary" disabled={pending || text === null}>
          {pending ? 'Importing…' : 'Import'}
        </button>
      </div>
      <StatusLine status={status} testId="import-status" />
    </form>
  );
}

function InvitationRow({ invitation }: { invitation: RosterView['invitations'][number] }) {
  const { status, pending, call } = useApiCall();
  return (
    <li className="flex flex-wrap items-center gap-3">
      <span>
        {invitation.name ? `${invitation.name} · ` : ''}
        {invitation.email}
        {invitation.section ? ` · ${invitation.section}` : ''}
      </span>
      <button
        type="button"
        className="btn btn-secondary py-1"
        disabled={pending}
        onClick={() => void call(`/api/instructor/invitations/${invitation.id}`, jsonInit('DELETE'), () => 'Withdrawn.')}
      >
        Withdraw {invitation.email}
      </button>
      <StatusLine status={status} />
    </li>
  );
}

/** The roster: students (active and dropped) with section, last activity and total; filters; import; pending ones. */
export function RosterManager({ roster, canReset, timeZone }: { roster: RosterView; canReset: boolean; timeZone: string }) {
  const [section, setSection] = useState('');
  const [filter, setFilter] = useState('');
  const [showDropped, setShowDropped] = useState(true);
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return roster.students.filter(
      (s) =>
        (!section || (section === '(none)' ? s.section === null : s.section === section)) &&
        (showDropped || !s.dropped) &&
        (!needle || s.name.toLowerCase().includes(needle) || s.email.includes(needle)),
    );
  }, [roster, section, filter, showDropped]);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label>
          Students{' '}
          <input className="input ml-1 w-56" placeholder="name or email" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <label>
          Section{' '}
          <select className="input ml-1 w-auto" value={section} onChange={(e) => setSection(e.target.value)}>
            <option value="">all</option>
            <option value="(none)">none</option>
            {roster.sections.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={showDropped} onChange={(e) => setShowDropped(e.target.checked)} /> Show dropped students
        </label>
        <span className="text-slate-600" data-testid="roster-count">
          {rows.length} of {roster.students.length} students · totals out of {roster.maxTotal} points
        </span>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Roster">
          <thead>
            <tr className="border-b text-slate-600">
              <th className="py-1">Student</th>
              <th>Section</th>
              <th>Last activity</th>
              <th className="text-right">Total</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <StudentRow key={s.userId} student={s} canReset={canReset} timeZone={timeZone} />
            ))}
          </tbody>
        </table>
      </div>
      {roster.invitations.length > 0 && (
        <section aria-labelledby="pending-students-heading" className="space-y-2">
          <h2 id="pending-students-heading" className="font-medium">
            Added by email, no account yet ({roster.invitations.length})
          </h2>
          <ul className="space-y-2 text-sm">
            {roster.invitations.map((i) => (
              <InvitationRow key={i.id} invitation={i} />
            ))}
          </ul>
        </section>
      )}
      <ImportForm />
    </div>
  );
}
