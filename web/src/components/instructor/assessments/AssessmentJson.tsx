'use client';

import { useState, type ChangeEvent, type FormEvent } from 'react';
import { jsonInit, useApiCall } from '@/components/people/useApiCall';
import { StatusLine } from '@/components/people/StatusLine';

/** Saves `text` as a file the browser downloads. */
export function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * An assessment as its JSON file (what export writes and import takes back): edit it here, load a file into it, save
 * it, or download it.
 */
export function AssessmentJson({ slug, initial }: { slug: string | null; initial: string }) {
  const { status, pending, call } = useApiCall();
  const [text, setText] = useState(initial);
  const [parseError, setParseError] = useState<string | null>(null);
  async function save(event: FormEvent) {
    event.preventDefault();
    let body: unknown;
    try {
      body = JSON.parse(text);
      setParseError(null);
    } catch (error) {
      setParseError(`Not valid JSON: ${(error as Error).message}`);
      return;
    }
    if (slug) await call(`/api/instructor/assessments/${slug}`, jsonInit('PUT', body), () => 'Saved.');
    else await call('/api/instructor/assessments', jsonInit('POST', body), (v: { slug: string }) => `Created ${v.slug}.`);
  }
  async function load(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
    event.target.value = '';
  }
  const id = `assessment-json-${slug ?? 'new'}`;
  return (
    <form onSubmit={save} className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {slug ? `${slug}.json` : 'New assessment (JSON)'}
      </label>
      <textarea
        id={id}
        className="block h-64 w-full rounded border border-slate-300 p-2 font-mono text-xs"
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
      />
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {slug ? 'Save' : 'Create'}
        </button>
        <label className="btn-secondary cursor-pointer">
          Load a file…
          <input type="file" accept="application/json,.json" className="sr-only" onChange={(e) => void load(e)} />
        </label>
        <button type="button" className="btn-secondary" onClick={() => download(`${slug ?? 'assessment'}.json`, text)}>
          Download
        </button>
      </div>
      {parseError && (
        <p role="alert" className="text-sm text-red-700">
          {parseError}
        </p>
      )}
      <StatusLine status={status} />
    </form>
  );
}
