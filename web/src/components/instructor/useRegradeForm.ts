'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { ApiBody } from '@/components/apiResponse';
import type { RegradePreview } from '@/server/services/regrades/regradePreview';

/** Which submissions a regrade covers: the whole exercise, one version's, or one student's. */
export type RegradeKind = 'exercise' | 'version' | 'student';

/** The regrade form's state: the scope picked, starting the regrade (then opening its preview), and why it failed. */
export function useRegradeForm(slug: string) {
  const router = useRouter();
  const [kind, setKind] = useState<RegradeKind>('exercise');
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scope =
      kind === 'exercise'
        ? 'exercise'
        : kind === 'version'
          ? { version: Number(form.get('version')) }
          : { student: String(form.get('student') ?? '') };
    setPending(true);
    setMessage('');
    try {
      const response = await fetch('/api/instructor/regrade', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ exercise: slug, scope, wait: 0 }),
      });
      const json = (await response.json()) as ApiBody<RegradePreview>;
      if (!response.ok || !json.id) setMessage(json.error?.message ?? `HTTP ${response.status}`);
      else router.push(`/instructor/regrades/${json.id}`);
    } catch {
      setMessage('Could not reach the server.');
    } finally {
      setPending(false);
    }
  }
  return { kind, setKind, message, pending, onSubmit };
}
