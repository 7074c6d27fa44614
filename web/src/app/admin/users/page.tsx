import type { Metadata } from 'next';
import { requireSitePage } from '@/server/pageAccess';
import { findUsers } from '@/server/services/admin/users';
import { AdminNav } from '@/components/admin/AdminNav';
import { UserRow } from '@/components/admin/UserRow';

export const metadata: Metadata = { title: 'Users' };

/** Accounts (admin.users): search, the right to create courses, reset links, deactivation. */
export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, db } = await requireSitePage('/admin/users', 'admin.users');
  const q = (await searchParams).q;
  const query = (Array.isArray(q) ? q[0] : q) ?? '';
  const { users, problem } = await findUsers(db, query).then(
    (found) => ({ users: found, problem: null }),
    (error: unknown) => ({ users: [], problem: error instanceof Error ? error.message : String(error) }),
  );
  return (
    <div className="space-y-4">
      <AdminNav />
      <h1 className="text-2xl font-semibold">Users</h1>
      <form method="get" className="flex flex-wrap items-center gap-2 text-sm" role="search">
        <label htmlFor="user-search">Email or name</label>
        <input id="user-search" name="q" defaultValue={query} className="input w-72" />
        <button type="submit" className="btn btn-primary py-1.5">
          Search
        </button>
      </form>
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
      <p className="text-sm text-slate-600" data-testid="user-count">
        {users.length === 100 ? 'The first 100 accounts' : `${users.length} account${users.length === 1 ? '' : 's'}`}
        {query ? ` matching “${query}”` : ''}.
      </p>
      <table className="w-full text-left text-sm" aria-label="Users">
        <thead>
          <tr className="border-b text-slate-600">
            <th className="py-1">Account</th>
            <th>Rights</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow key={u.id} user={u} self={u.id === user.id} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
