'use client';

import { useState, type FormEvent } from 'react';
import { jsonInit, useApiCall } from '@/components/people/useApiCall';

/** An exam's start form: the honor code to tick, the password when it has one. */
export function StartExamForm({
  slug,
  honorCode,
  passwordRequired,
  timeLimit,
}: {
  slug: string;
  honorCode: boolean;
  passwordRequired: boolean;
  timeLimit: string;
}) {
  const { status, fields, pending, call } = useApiCall();
  const [ticked, setTicked] = useState(false);
  const [password, setPassword] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    await call(
      `/api/assessments/${slug}/start`,
      jsonInit('POST', { honorCode: ticked, ...(passwordRequired ? { password } : {}) }),
      () => 'Started.',
    );
  }
  return (
    <form onSubmit={submit} className="card space-y-3" aria-label="Start the exam">
      <p className="text-sm">{timeLimit} Once you start, the clock runs on the server, even if you close this page.</p>
      {honorCode && (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={ticked}
            onChange={(e) => setTicked(e.target.checked)}
            aria-describedby={fields.honorCode ? 'honor-error' : undefined}
          />
          <span>I will work on this exam alone, without help from anyone, and I will not share its questions.</span>
        </label>
      )}
      {fields.honorCode && (
        <p id="honor-error" className="text-sm text-red-700">
          {fields.honorCode}
        </p>
      )}
      {passwordRequired && (
        <label className="block text-sm">
          <span className="font-medium">Exam password</span>
          <input
            type="password"
            className="mt-1 block w-64 rounded border border-slate-300 px-2 py-1"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="off"
          />
        </label>
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? 'Starting…' : 'Start the exam'}
      </button>
      {status && (
        <p role="status" className={status.ok ? 'text-sm text-green-800' : 'text-sm text-red-700'}>
          {status.text}
        </p>
      )}
    </form>
  );
}

/** Finish early: the instance closes now (asked once more before it does). */
export function FinishExamButton({ slug }: { slug: string }) {
  const { status, pending, call } = useApiCall();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {confirming ? (
        <>
          <span className="text-sm">Finish now? You cannot answer after that.</span>
          <button
            type="button"
            className="btn-primary"
            disabled={pending}
            onClick={() => void call(`/api/assessments/${slug}/finish`, jsonInit('POST'), () => 'Finished.')}
          >
            Yes, finish the exam
          </button>
          <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>
            Keep working
          </button>
        </>
      ) : (
        <button type="button" className="btn-secondary" onClick={() => setConfirming(true)}>
          Finish the exam
        </button>
      )}
      {status && (
        <p role="status" className={status.ok ? 'text-sm text-green-800' : 'text-sm text-red-700'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
