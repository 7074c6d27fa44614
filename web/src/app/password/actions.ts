'use server';

import { getDb } from '@/server/db';
import { guardedAction } from '@/server/formAction';
import { setPasswordWithLink, type SetPasswordField } from '@/server/services/accounts/passwordLinks';
import type { FormRefusal } from '@/server/services/forms/formRefusal';

/** Sets an account's password through a one-time link (`{ token, password, confirm }`): anyone holding the link may. */
export async function setPasswordAction(values: unknown): Promise<{ ok: true; email: string } | FormRefusal<SetPasswordField>> {
  return guardedAction('Setting the password', async () => setPasswordWithLink(await getDb(), values));
}
