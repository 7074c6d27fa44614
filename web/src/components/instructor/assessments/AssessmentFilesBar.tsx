'use client';

import { useState, type ChangeEvent } from 'react';
import { jsonInit, useApiCall } from '@/components/people/useApiCall';
import { StatusLine } from '@/components/people/StatusLine';
import { download } from './AssessmentJson';

/**
 * The course's assessments as one file: Export downloads every assessment (GET /api/instructor/assessments); Import
 * uploads such a file, or one assessment's, and creates or replaces each by slug, all checked before any is written.
 */
export function AssessmentFilesBar({ courseSlug }: { courseSlug: string }) {
  const { status, pending, call } = useApiCall();
  const [fileError, setFileError] = useState<string | null>(null);
  async function exportAll() {
    const response = await fetch('/api/instructor/assessments');
    download(`${courseSlug}-assessments.json`, JSON.stringify(await response.json(), null, 2));
  }
  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
      setFileError(null);
    } catch (error) {
      setFileError(`${file.name} is not valid JSON (${(error as Error).message}): nothing was imported.`);
      return;
    }
    await call('/api/instructor/assessments', jsonInit('POST', body), (v: { imported?: string[]; slug?: string }) =>
      v.imported ? `Imported ${v.imported.join(', ')}.` : `Imported ${v.slug}.`,
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className="btn-secondary" onClick={() => void exportAll()}>
        Export all assessments
      </button>
      <label className={`btn-secondary cursor-pointer ${pending ? 'opacity-50' : ''}`}>
        Import…
        <input
          type="file"
          accept="application/json,.json"
          className="sr-only"
          aria-label="Import assessments from a file"
          onChange={(e) => void importFile(e)}
        />
      </label>
      <StatusLine status={fileError ? { ok: false, text: fileError } : status} testId="assessment-import-status" />
    </div>
  );
}
