import Link from 'next/link';
import { useState } from 'react';
import type { FolderValidation } from '@deltalab/grader';
import type { AuthoringDraft } from './useAuthoringDraft';

/** Validate's verdict and, when it refused, each problem by file. */
export function ValidationReport({ validation }: { validation: FolderValidation }) {
  return (
    <section className="card space-y-2" aria-label="Validation">
      <h2 className="font-medium">
        {validation.ok ? `Validation passed (${validation.variantsChecked} variants)` : 'Validation refused these files'}
      </h2>
      <ul className="list-disc pl-5 text-sm text-red-800">
        {validation.problems.map((p, i) => (
          <li key={i}>
            {/* A problem's message begins with its file (and line, where known). */}
            <code>{p.file}</code>
            {p.message.startsWith(p.file) ? p.message.slice(p.file.length) : `: ${p.message}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Any variant of the saved draft as a student sees it, with its reference answers. */
export function StudentPreview({ draft, existing }: { draft: AuthoringDraft; existing: boolean }) {
  const [variant, setVariant] = useState('canonical');
  const { preview } = draft;
  return (
    <section className="card space-y-2" aria-label="Preview as a student">
      <h2 className="font-medium">Preview as a student</h2>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label>
          Variant{' '}
          <input className="input ml-1 w-40" value={variant} onChange={(e) => setVariant(e.target.value)} aria-label="Variant to preview" />
        </label>
        <button type="button" className="btn-primary" onClick={() => draft.showPreview(variant)} disabled={draft.pending !== ''}>
          Preview
        </button>
        {existing && (
          <Link href={`/exercises/${draft.form.slug}?variant=canonical`} className="text-indigo-700 hover:underline">
            Open the published exercise’s page
          </Link>
        )}
      </div>
      {preview && (
        <div className="space-y-2" data-testid="draft-preview">
          <div className="statement rounded border border-slate-200 p-3" dangerouslySetInnerHTML={{ __html: preview.statementHtml }} />
          {preview.reference.kind === 'numeric' && (
            <p className="text-sm">Reference: {preview.reference.values.map((v) => `${v.name} = ${v.value}`).join(', ')}</p>
          )}
        </div>
      )}
    </section>
  );
}
