'use server';

import { getDb } from '@/server/db';
import { signUp, type SignUpField } from '@/server/services/auth/signUp';

export type SignUpActionResult =
  { ok: true; email: string } | { ok: false; message: string; fieldErrors: Partial<Record<SignUpField, string>> };

export async function signUpAction(values: unknown): Promise<SignUpActionResult> {
  try {
    const result = await signUp(await getDb(), values);
    return result.ok ? { ok: true, email: result.email } : result;
  } catch (error) {
    console.error('sign-up failed', error);
    return { ok: false, message: 'Sign-up failed on the server. Please try again in a moment.', fieldErrors: {} };
  }
}
