'use client';

import 'katex/dist/katex.min.css';
import type { FolderValidation } from '@deltalab/grader';
import type { AuthoringFormState } from '@/lib/authoring/formState';
import { AuthoringFiles } from './AuthoringFiles';
import { StudentPreview, ValidationReport } from './AuthoringResults';
import { CodeFunctionsSection } from './CodeFunctionsSection';
import { ExerciseMetadataSection } from './ExerciseMetadataSection';
import { NumericFieldsSection } from './NumericFieldsSection';
import { useAuthoringDraft } from './useAuthoringDraft';

/**
 * Authoring an exercise in the site: metadata, fields and tolerances (or signatures) through inputs; the statement in
 * Markdown with a live KaTeX preview; variants.ts and reference.ts (and the code files) in Monaco. Save stores the
 * draft; Validate runs the real grader in a grading process; Preview shows any variant as a student sees it; Publish
 * makes the next version.
 */
export function AuthoringEditor({
  initial,
  topics,
  mistakeIds,
  existing,
  initialValidation,
}: {
  initial: AuthoringFormState;
  topics: { id: string; title: string }[];
  mistakeIds: readonly string[];
  existing: boolean;
  initialValidation: FolderValidation | null;
}) {
  const draft = useAuthoringDraft(initial, existing, initialValidation);
  const { form, status, pending, validation } = draft;
  return (
    <div className="space-y-4">
      {status && (
        <p
          role={status.ok ? 'status' : 'alert'}
          data-testid="authoring-status"
          className={`rounded px-3 py-2 text-sm ${status.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-800'}`}
        >
          {status.text}
        </p>
      )}
      <ExerciseMetadataSection draft={draft} existing={existing} topics={topics} />
      {form.kind === 'numeric' && <NumericFieldsSection draft={draft} />}
      {form.kind === 'code' && <CodeFunctionsSection draft={draft} mistakeIds={mistakeIds} />}
      <AuthoringFiles draft={draft} />
      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn-primary" onClick={draft.save} disabled={pending !== ''}>
          {pending === 'save' ? 'Saving…' : 'Save draft'}
        </button>
        <button type="button" className="btn-primary" onClick={draft.validate} disabled={pending !== ''}>
          {pending === 'validate' ? 'Validating…' : 'Validate'}
        </button>
        <button type="button" className="btn-primary" onClick={draft.publish} disabled={pending !== '' || !validation?.ok}>
          {pending === 'publish' ? 'Publishing…' : 'Publish'}
        </button>
      </div>
      {validation && <ValidationReport validation={validation} />}
      {draft.saved && <StudentPreview draft={draft} existing={existing} />}
    </div>
  );
}
