import 'server-only';
import { getSessionUser, type SessionUser } from './auth/session';
import { databaseFault } from './databaseUnavailable';
import type { FormRefusal } from './services/forms/formRefusal';

/** A server action's refusal that belongs to no field. */
export function actionRefusal(message: string): FormRefusal<never> {
  return { ok: false, message, fieldErrors: {} };
}

/**
 * Runs a server action's body. Server actions are endpoints anyone can call with any arguments, so a thrown error
 * must not reach Next (it answers 500 with a digest and nothing else): a database fault becomes a refusal that says
 * what happened (the API's words, via the same cause-chain checks), anything else is logged and refused as a failure
 * of `what` (e.g. "Joining").
 */
export async function guardedAction<R>(what: string, body: () => Promise<R>): Promise<R | FormRefusal<never>> {
  try {
    return await body();
  } catch (error) {
    const fault = databaseFault(error, `${what} (server action)`);
    if (fault) return actionRefusal(fault.message);
    console.error(`${what} failed`, error);
    return actionRefusal(`${what} failed on the server. Please try again in a moment.`);
  }
}

/** guardedAction for a signed-in user; anyone else is told to sign in again. */
export function signedInAction<R>(what: string, body: (user: SessionUser) => Promise<R>): Promise<R | FormRefusal<never>> {
  return guardedAction(what, async () => {
    const user = await getSessionUser();
    if (!user) return actionRefusal('Your session has ended: sign in again.');
    return body(user);
  });
}

/** A server action that takes nothing refuses a call that sends something (the site's buttons send nothing). */
export function argumentsRefusal(args: unknown[]): FormRefusal<never> | null {
  return args.length > 0 ? actionRefusal(`This action takes no arguments; this call sent ${args.length}.`) : null;
}

/**
 * A form action's FormData: React passes one from a real form, but a hand-made request can pass any value, and
 * `form.get` on it would throw.
 */
export function formFields(form: unknown, names: readonly string[]): Record<string, unknown> | null {
  if (!(form instanceof FormData)) return null;
  return Object.fromEntries(names.map((name) => [name, form.get(name) ?? undefined]));
}

/**
 * A form action as a `<form action>` takes it: React types that as returning nothing and ignores what it returns,
 * while a hand-made call of the same action still gets the refusal. The same function, so the same server reference.
 */
export function asFormAction(action: (form: FormData) => Promise<unknown>): (form: FormData) => Promise<void> {
  return action as (form: FormData) => Promise<void>;
}
