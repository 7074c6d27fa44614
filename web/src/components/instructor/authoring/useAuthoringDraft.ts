'use client';

import { useState } from 'react';
import type { FolderValidation } from '@deltalab/grader';
import type { AuthoringFormState } from '@/lib/authoring/formState';
import type { DraftPreview, PublishedVersion, SavedDraft } from '@/server/services/authoring/authorExercise';
import { authoringRequestBody } from './authoringRequest';
import { useAuthoringApi } from './useAuthoringApi';

/**
 * The exercise being authored and what the server said of it: Save stores the draft; Validate (after a save) runs the
 * real grader in a grading process; Preview shows a variant as a student sees it; Publish makes the next version.
 * Any change to the form voids the last validation.
 */
export function useAuthoringDraft(initial: AuthoringFormState, existing: boolean, initialValidation: FolderValidation | null) {
  const [form, setForm] = useState(initial);
  const [validation, setValidation] = useState<FolderValidation | null>(initialValidation);
  const [preview, setPreview] = useState<DraftPreview | null>(null);
  const [saved, setSaved] = useState(existing);
  const { status, setStatus, pending, post } = useAuthoringApi();

  const set = <K extends keyof AuthoringFormState>(key: K, value: AuthoringFormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setValidation(null);
  };

  async function save(): Promise<boolean> {
    const result = await post<SavedDraft>('save', '/api/instructor/authoring', authoringRequestBody(form));
    if (result) {
      setSaved(true);
      setStatus({ ok: true, text: 'Draft saved.' });
    }
    return result !== null;
  }
  async function validate() {
    if (!(await save())) return;
    const result = await post<FolderValidation>('validate', `/api/instructor/authoring/${form.slug}/validate`);
    if (result) {
      setValidation(result);
      setStatus(
        result.ok
          ? { ok: true, text: `Validation passed on the canonical variant and ${result.variantsChecked - 1} others.` }
          : { ok: false, text: 'Validation refused these files: see the problems below.' },
      );
    }
  }
  async function showPreview(variant: string) {
    const result = await post<DraftPreview>('preview', `/api/instructor/authoring/${form.slug}/preview`, { variant });
    if (result) setPreview(result);
  }
  async function publish() {
    const result = await post<PublishedVersion>('publish', `/api/instructor/authoring/${form.slug}/publish`);
    if (result) setStatus({ ok: true, text: `Published version ${result.versionNumber}.` });
  }

  return { form, setForm, set, status, pending, validation, preview, saved, save, validate, showPreview, publish };
}

export type AuthoringDraft = ReturnType<typeof useAuthoringDraft>;
