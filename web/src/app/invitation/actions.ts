'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/server/db';
import { actionRefusal, signedInAction } from '@/server/formAction';
import { acceptInvitation } from '@/server/services/people/acceptInvitation';
import type { FormRefusal } from '@/server/services/forms/formRefusal';

const acceptInput = z.object({ token: z.string({ error: 'The invitation link is missing its token' }) }).strict();

/** The signed-in user takes up an invitation sent to their own address (`{ token }`, from the invitation's link). */
export async function acceptInvitationAction(
  values: unknown,
): Promise<{ ok: true; courseTitle: string; joinedAs: string } | FormRefusal<never>> {
  const result = await signedInAction('Accepting the invitation', async (user) => {
    const parsed = acceptInput.safeParse(values);
    if (!parsed.success) return actionRefusal(`The form's data is not what this form sends: ${parsed.error.issues[0]!.message}.`);
    return acceptInvitation(await getDb(), user, parsed.data.token);
  });
  if (result.ok) revalidatePath('/', 'layout');
  return result;
}
