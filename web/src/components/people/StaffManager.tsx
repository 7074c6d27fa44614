'use client';

import { formatDate } from '@/lib/format';
import { useState, type FormEvent } from 'react';
import type { AddStaffResult, StaffList } from '@/server/services/people/staff';
import { OneTimeLink } from './OneTimeLink';
import { StatusLine } from './StatusLine';
import { jsonInit, useApiCall } from './useApiCall';

const roleLabels = { instructor: 'Instructor', 'teaching-assistant': 'Teaching assistant' } as const;

function RoleSelect({ name, value, onChange, label }: { name: string; value?: string; onChange?: (role: string) => void; label: string }) {
  return (
    <select name={name} defaultValue={value} onChange={(e) => onChange?.(e.target.value)} className="input w-auto" aria-label={label}>
      {Object.entries(roleLabels).map(([role, text]) => (
        <option key={role} value={role}>
          {text}
        </option>
      ))}
    </select>
  );
}

function MemberRow({ member, self }: { member: StaffList['members'][number]; self: boolean }) {
  const { status, pending, call } = useApiCall();
  const url = `/api/instructor/staff/${member.userId}`;
  return (
    <tr className="border-b border-slate-100 align-top">
      <td className="py-2">
        {member.name}
        {self ? ' (you)' : ''}
        {member.deactivated ? ' · deactivated' : ''}
        <div className="text-xs text-slate-600">{member.email}</div>
      </td>
      <td>
        <RoleSelect
          name="role"
          value={member.role}
          label={`Role of ${member.name}`}
          onChange={(role) =>
            void call(
              url,
              jsonInit('PUT', { role }),
              () => `${member.name} is now ${roleLabels[role as keyof typeof roleLabels].toLowerCase()}.`,
            )
          }
        />
      </td>
      <td>
        <button
          type="button"
          className="btn btn-secondary py-1"
          disabled={pending}
          onClick={() => void call(url, jsonInit('DELETE'), () => `${member.name} was removed from the staff.`)}
        >
          Remove {member.name}
        </button>
        <StatusLine status={status} />
      </td>
    </tr>
  );
}

function InvitationRow({ invitation }: { invitation: StaffList['invitations'][number] }) {
  const { status, pending, call } = useApiCall();
  return (
    <li className="flex flex-wrap items-center gap-3">
      <span>
        {invitation.email} · {roleLabels[invitation.role].toLowerCase()} · invited {formatDate(invitation.invitedAt)}
      </span>
      <button
        type="button"
        className="btn btn-secondary py-1"
        disabled={pending}
        onClick={() => void call(`/api/instructor/invitations/${invitation.id}`, jsonInit('DELETE'), () => 'Invitation withdrawn.')}
      >
        Withdraw the invitation of {invitation.email}
      </button>
      <StatusLine status={status} />
    </li>
  );
}

/** The staff page: who teaches the course, in which role; add by email, change roles, remove; pending invitations. */
export function StaffManager({ staff, selfId }: { staff: StaffList; selfId: string }) {
  const { status, fields, pending, call } = useApiCall();
  const [link, setLink] = useState<string | null>(null);
  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setLink(null);
    const added = await call<AddStaffResult>(
      '/api/instructor/staff',
      jsonInit('POST', { email: form.get('email'), role: form.get('role') }),
      (r) =>
        r.added === 'member'
          ? `${r.name} is now on the staff.`
          : r.link
            ? `${r.email} has no account yet: they are invited.${r.mailProblem ? ` ${r.mailProblem}` : ''} Send them the link below.`
            : `${r.email} has no account yet: the invitation was emailed to them.`,
    );
    if (added) {
      formElement.reset();
      if (added.added === 'invitation') setLink(added.link);
    }
  }
  return (
    <div className="space-y-6">
      <table className="w-full text-left text-sm" aria-label="Staff">
        <thead>
          <tr className="border-b text-slate-600">
            <th className="py-1">Person</th>
            <th>Role</th>
            <th>Remove</th>
          </tr>
        </thead>
        <tbody>
          {staff.members.map((m) => (
            <MemberRow key={m.userId} member={m} self={m.userId === selfId} />
          ))}
        </tbody>
      </table>
      {staff.invitations.length > 0 && (
        <section aria-labelledby="pending-heading" className="space-y-2">
          <h2 id="pending-heading" className="font-medium">
            Invited, no account yet
          </h2>
          <ul className="space-y-2 text-sm">
            {staff.invitations.map((i) => (
              <InvitationRow key={i.id} invitation={i} />
            ))}
          </ul>
        </section>
      )}
      <form onSubmit={onAdd} className="card space-y-3" aria-labelledby="add-staff-heading" noValidate>
        <h2 id="add-staff-heading" className="font-medium">
          Add someone
        </h2>
        <p className="text-sm text-slate-600">
          An email with an account joins the staff at once. One without gets an invitation: they join when they sign up through its link, or
          sign in with GitHub or Google under that email.
        </p>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="staff-email" className="label">
              Email
            </label>
            <input
              id="staff-email"
              name="email"
              type="email"
              required
              className={`input ${fields.email ? 'border-red-500' : ''}`}
              aria-invalid={fields.email ? true : undefined}
              aria-describedby={fields.email ? 'staff-email-error' : undefined}
            />
          </div>
          <div>
            <label htmlFor="staff-role" className="label">
              Role
            </label>
            <select id="staff-role" name="role" defaultValue="teaching-assistant" className="input">
              {Object.entries(roleLabels).map(([role, text]) => (
                <option key={role} value={role}>
                  {text}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? 'Adding…' : 'Add'}
          </button>
        </div>
        {fields.email && (
          <p id="staff-email-error" className="text-sm text-red-700">
            {fields.email}
          </p>
        )}
        <StatusLine status={status} testId="staff-status" />
        {link && <OneTimeLink link={link} label="Invitation link." />}
      </form>
    </div>
  );
}
