'use client';

import { useCallback, useState } from 'react';
import type { FormRefusal } from '@/server/services/forms/formRefusal';

/**
 * The state every server-action form keeps: pending, the message on top, one message per field. `submit` runs the
 * action; a refusal shows its messages, a thrown error (network) says the server is unreachable, and `onDone`
 * runs after a success (it may `fail` with a message of its own).
 */
export function useFormAction<F extends string>() {
  const [message, setMessage] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<F, string>>>({});
  const [pending, setPending] = useState(false);

  const submit = useCallback(
    async <R extends { ok: true }>(
      action: () => Promise<R | FormRefusal<F>>,
      onDone: (result: R, fail: (message: string) => void) => void | Promise<void>,
    ) => {
      setPending(true);
      setMessage('');
      setFieldErrors({});
      try {
        const result = await action();
        if (!result.ok) {
          setMessage(result.message);
          setFieldErrors(result.fieldErrors);
          return;
        }
        await onDone(result, setMessage);
      } catch {
        setMessage('Could not reach the server. Check your connection and try again.');
      } finally {
        setPending(false);
      }
    },
    [],
  );

  return { message, fieldErrors, pending, submit };
}
