import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import { renderMarkdown } from '@/lib/renderMarkdown';
import { fileTabsOf, fileText, textFieldOf } from './authoringRequest';
import type { AuthoringDraft } from './useAuthoringDraft';

const MonacoCodeEditor = dynamic(() => import('@/editor/MonacoCodeEditor'), {
  ssr: false,
  loading: () => <p className="h-80 p-3 text-sm text-slate-600">Loading the editor…</p>,
});

/** The exercise's files in tabs: the statement in Markdown beside its live KaTeX preview, the TypeScript ones in Monaco. */
export function AuthoringFiles({ draft: { form, set } }: { draft: AuthoringDraft }) {
  const [tab, setTab] = useState('statement');
  const statementHtml = useMemo(() => {
    try {
      // Placeholders show by name until a variant fills them.
      return renderMarkdown(form.statement.replace(/\{\{\s*(\w+)\s*\}\}/g, '⟨$1⟩'));
    } catch (error) {
      return `<p>${String(error)}</p>`;
    }
  }, [form.statement]);
  const fileValue = fileText(form, tab);
  const setFile = (value: string) => {
    if (form.kind === 'files') return set('files', { ...form.files, [tab]: value });
    const field = textFieldOf(tab);
    if (field) set(field, value);
  };
  return (
    <section className="card space-y-2" aria-label="Files">
      <div role="tablist" className="flex flex-wrap gap-2 text-sm">
        {fileTabsOf(form).map(([key, name]) => (
          <button
            key={key}
            role="tab"
            type="button"
            aria-selected={tab === key}
            className={`rounded px-2 py-1 ${tab === key ? 'bg-indigo-600 text-white' : 'bg-slate-100'}`}
            onClick={() => setTab(key)}
          >
            {name}
          </button>
        ))}
      </div>
      {tab === 'statement' || tab === 'statement.md' ? (
        <div className="grid gap-3 md:grid-cols-2">
          <textarea
            className="input min-h-80 font-mono text-sm"
            aria-label="statement.md"
            value={fileValue}
            onChange={(e) => setFile(e.target.value)}
          />
          <div
            aria-label="Statement preview"
            className="statement rounded border border-slate-200 p-3 text-sm"
            dangerouslySetInnerHTML={{ __html: statementHtml }}
          />
        </div>
      ) : (
        <MonacoCodeEditor
          key={tab}
          path={`file:///authoring/${tab}.ts`}
          value={fileValue}
          onChange={setFile}
          typeDeclarations=""
          semanticChecks={false}
          label={`${tab} editor`}
        />
      )}
    </section>
  );
}
