'use server';

import { cookies } from 'next/headers';
import { getDb } from '@/server/db';
import { actionRefusal, argumentsRefusal, signedInAction } from '@/server/formAction';
import { accountToken, issueSessionCookie } from '@/server/auth/issueSession';
import { sessionCookie } from '@/server/auth/session';
import { changePassword, signOutEverywhere, type ChangePasswordField } from '@/server/services/accounts/changePassword';
import type { FormRefusal } from '@/server/services/forms/formRefusal';

const notInStudentView = 'You are viewing a course as its test student: leave the student view first.';

/**
 * Changes the signed-in user's password. Every other session of the account ends (its session version moves on); this
 * one goes on with a cookie carrying the new version.
 */
export async function changePasswordAction(values: unknown): Promise<{ ok: true } | FormRefusal<ChangePasswordField>> {
  return signedInAction('Changing the password', async (user) => {
    if (user.studentViewOf) return actionRefusal(notInStudentView);
    const changed = await changePassword(await getDb(), user.id, values);
    if (!changed.ok) return changed;
    await issueSessionCookie(accountToken({ ...user, sessionVersion: changed.sessionVersion }));
    return { ok: true as const };
  });
}

/** Ends every session of the signed-in account, this one included (its cookie is removed too). */
export async function signOutEverywhereAction(...args: unknown[]): Promise<{ ok: true } | FormRefusal<never>> {
  return signedInAction('Signing out everywhere', async (user) => {
    const extra = argumentsRefusal(args);
    if (extra) return extra;
    if (user.studentViewOf) return actionRefusal(notInStudentView);
    await signOutEverywhere(await getDb(), user.id);
    const store = await cookies();
    const name = sessionCookie(store)?.name;
    if (name)
      for (const cookie of store.getAll()) if (cookie.name === name || cookie.name.startsWith(`${name}.`)) store.delete(cookie.name);
    return { ok: true as const };
  });
}
