'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { ApiBody } from '@/components/apiResponse';
import type { SavedDraft } from '@/server/services/authoring/authorExercise';

/** Uploads an exported exercise folder (.tar.gz) as a draft, then opens it. */
export function ImportArchiveForm() {
  const router = useRouter();
  const [message, setMessage] = useState('');
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('archive');
    const slug = String(form.get('slug') ?? '').trim();
    if (!(file instanceof File) || file.size === 0) return setMessage('Choose a .tar.gz archive first.');
    const response = await fetch(`/api/instructor/authoring/import${slug ? `?slug=${encodeURIComponent(slug)}` : ''}`, {
      method: 'POST',
      body: await file.arrayBuffer(),
    });
    const json = (await response.json()) as ApiBody<SavedDraft>;
    if (!response.ok || !json.slug) setMessage(json.error?.message ?? `HTTP ${response.status}`);
    else router.push(`/instructor/authoring/${json.slug}`);
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2 text-sm">
      <input type="file" name="archive" accept=".tar.gz,.tgz,.tar,application/gzip" aria-label="Archive" />
      <input name="slug" className="input w-48" placeholder="slug (optional)" aria-label="Import under the slug" />
      <button type="submit" className="btn-primary">
        Import
      </button>
      {message && (
        <p role="alert" className="w-full text-red-800">
          {message}
        </p>
      )}
    </form>
  );
}
