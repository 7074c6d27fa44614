'use client';

import { useState } from 'react';
import type { ResetLinkAnswer } from '@/server/services/accounts/resetLinks';
import type { AdminUserView } from '@/server/services/admin/users';
import { OneTimeLink } from '@/components/people/OneTimeLink';
import { StatusLine } from '@/components/people/StatusLine';
import { jsonInit, useApiCall } from '@/components/people/useApiCall';

/** One account on the users page: its rights and state, and what an administrator does with it. */
export function UserRow({ user, self }: { user: AdminUserView; self: boolean }) {
  const { status, pending, call } = useApiCall();
  const [link, setLink] = useState<string | null>(null);
  const url = `/api/admin/users/${user.id}`;
  return (
    <tr className={`border-b border-slate-100 align-top ${user.deactivated ? 'text-slate-500' : ''}`}>
      <td className="py-2">
        {user.name}
        {self ? ' (you)' : ''}
        <div className="text-xs">{user.email}</div>
      </td>
      <td>
        {[user.isAdmin && 'administrator', user.canCreateCourses && 'creates courses', user.deactivated && 'deactivated']
          .filter(Boolean)
          .join(', ') || '—'}
        <div className="text-xs">
          {user.courses} course{user.courses === 1 ? '' : 's'}
          {user.hasPassword ? '' : ' · no password'}
        </div>
      </td>
      <td className="space-y-1">
        <div className="flex flex-wrap gap-1">
          <button
            type="button"
            className="btn btn-secondary py-1"
            disabled={pending}
            onClick={() =>
              void call(url, jsonInit('PUT', { canCreateCourses: !user.canCreateCourses }), () =>
                user.canCreateCourses ? `${user.email} may no longer create courses.` : `${user.email} may create courses.`,
              )
            }
          >
            {user.canCreateCourses ? 'Revoke course creation' : 'Allow course creation'}
            <span className="sr-only"> for {user.email}</span>
          </button>
          <button
            type="button"
            className="btn btn-secondary py-1"
            disabled={pending || user.deactivated}
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
            Reset link<span className="sr-only"> for {user.email}</span>
          </button>
          <button
            type="button"
            className="btn btn-secondary py-1"
            disabled={pending || self}
            onClick={() =>
              void call(url, jsonInit('PUT', { active: user.deactivated }), () =>
                user.deactivated ? `${user.email} is reactivated.` : `${user.email} is deactivated: their sessions have ended.`,
              )
            }
          >
            {user.deactivated ? 'Reactivate' : 'Deactivate'}
            <span className="sr-only"> {user.email}</span>
          </button>
        </div>
        <StatusLine status={status} />
        {link && <OneTimeLink link={link} label={`Password link for ${user.email}.`} />}
      </td>
    </tr>
  );
}
