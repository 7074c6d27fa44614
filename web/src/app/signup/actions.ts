'use server';

import { getDb } from '@/server/db';
import { guardedAction } from '@/server/formAction';
import { signUp, type SignUpField } from '@/server/services/auth/signUp';

export type SignUpActionResult =
  { ok: true; email: string } | { ok: false; message: string; fieldErrors: Partial<Record<SignUpField, string>> };

export async function signUpAction(values: unknown): Promise<SignUpActionResult> {
  const result = await guardedAction('Sign-up', async () => signUp(await getDb(), values));
  return result.ok ? { ok: true, email: result.email } : result;
}
