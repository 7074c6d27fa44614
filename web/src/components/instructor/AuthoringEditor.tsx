'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import 'katex/dist/katex.min.css';
import type { FolderValidation } from '@deltalab/grader';
import { renderMarkdown } from '@/lib/renderMarkdown';
import { newForm, type AuthoringFormState, type Tolerance, type AuthoringField as Field } from '@/lib/authoring/formState';

const MonacoCodeEditor = dynamic(() => import('@/editor/MonacoCodeEditor'), {
  ssr: false,
  loading: () => <p className="h-80 p-3 text-sm text-slate-600">Loading the editor…</p>,
});

/** What the API takes for each kind (the form's other inputs are left out). */
function body(form: AuthoringFormState) {
  const common = {
    slug: form.slug,
    title: form.title,
    topic: form.topic,
    order: form.order,
    points: form.points,
    summary: form.summary,
    statement: form.statement,
    variants: form.variants,
    reference: form.reference,
  };
  if (form.kind === 'files') return { kind: 'files', slug: form.slug, files: form.files };
  if (form.kind === 'numeric') return { ...common, kind: 'numeric', carriedCredit: form.carriedCredit, fields: form.fields };
  const { entries, typeDeclarations, usesTf, starter, cases, mistakes, solution, knownWrong, knownWrongMistake } = form;
  return { ...common, kind: 'code', entries, typeDeclarations, usesTf, starter, cases, mistakes, solution, knownWrong, knownWrongMistake };
}

const toleranceValueKey = { sigfigs: 'digits', decimals: 'places', relative: 'max', absolute: 'max' } as const;

type Preview = {
  statementHtml: string;
  variant: { fields?: { name: string; label: string }[] };
  reference: { kind: string; values?: { name: string; value: number }[] };
};

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
  const [form, setForm] = useState(initial);
  const [tab, setTab] = useState('statement');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [validation, setValidation] = useState<FolderValidation | null>(initialValidation);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [variant, setVariant] = useState('canonical');
  const [pending, setPending] = useState('');
  const [saved, setSaved] = useState(existing);
  const set = <K extends keyof AuthoringFormState>(key: K, value: AuthoringFormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setValidation(null);
  };
  const statementHtml = useMemo(() => {
    try {
      // Placeholders show by name until a variant fills them.
      return renderMarkdown(form.statement.replace(/\{\{\s*(\w+)\s*\}\}/g, '⟨$1⟩'));
    } catch (error) {
      return `<p>${String(error)}</p>`;
    }
  }, [form.statement]);

  async function call(label: string, url: string, init: RequestInit): Promise<unknown> {
    setPending(label);
    setStatus(null);
    try {
      const response = await fetch(url, init);
      const json = (await response.json().catch(() => ({}))) as { error?: { message: string } };
      if (!response.ok) {
        setStatus({ ok: false, text: json.error?.message ?? `HTTP ${response.status}` });
        return null;
      }
      return json;
    } catch {
      setStatus({ ok: false, text: 'Could not reach the server.' });
      return null;
    } finally {
      setPending('');
    }
  }
  const post = (label: string, url: string, payload?: unknown) =>
    call(label, url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });

  async function save(): Promise<boolean> {
    const result = await post('save', '/api/instructor/authoring', body(form));
    if (result) {
      setSaved(true);
      setStatus({ ok: true, text: 'Draft saved.' });
    }
    return result !== null;
  }
  async function validate() {
    if (!(await save())) return;
    const result = (await post('validate', `/api/instructor/authoring/${form.slug}/validate`)) as FolderValidation | null;
    if (result) {
      setValidation(result);
      setStatus(
        result.ok
          ? { ok: true, text: `Validation passed on the canonical variant and ${result.variantsChecked - 1} others.` }
          : { ok: false, text: 'Validation refused these files: see the problems below.' },
      );
    }
  }
  async function showPreview() {
    const result = (await post('preview', `/api/instructor/authoring/${form.slug}/preview`, { variant })) as Preview | null;
    if (result) setPreview(result);
  }
  async function publish() {
    const result = (await post('publish', `/api/instructor/authoring/${form.slug}/publish`)) as { versionNumber: number } | null;
    if (result) setStatus({ ok: true, text: `Published version ${result.versionNumber}.` });
  }

  const fileTabs: [string, string][] =
    form.kind === 'files'
      ? Object.keys(form.files)
          .sort()
          .map((name) => [name, name])
      : form.kind === 'numeric'
        ? [
            ['statement', 'statement.md'],
            ['variants', 'variants.ts'],
            ['reference', 'reference.ts'],
          ]
        : [
            ['statement', 'statement.md'],
            ['variants', 'variants.ts'],
            ['reference', 'reference.ts'],
            ['starter', 'starter.ts'],
            ['cases', 'cases.ts'],
            ['mistakes', 'mistakes.ts'],
            ['solution', 'solution.ts'],
            ['knownWrong', 'known-wrong.ts'],
          ];
  const fileValue = form.kind === 'files' ? (form.files[tab] ?? '') : String(form[tab as keyof AuthoringFormState] ?? '');
  const setFile = (value: string) =>
    form.kind === 'files' ? set('files', { ...form.files, [tab]: value }) : set(tab as 'statement', value);
  const isStatement = tab === 'statement' || tab === 'statement.md';
  const updateField = (index: number, change: Partial<Field>) =>
    set(
      'fields',
      form.fields.map((f, i) => (i === index ? { ...f, ...change } : f)),
    );

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
      <section className="card grid gap-3 sm:grid-cols-2" aria-label="Exercise">
        {!existing && form.kind !== 'files' && (
          <label className="sm:col-span-2 text-sm">
            Kind{' '}
            <select
              className="input ml-1 w-auto"
              value={form.kind}
              onChange={(e) =>
                setForm({ ...newForm(e.target.value as 'numeric' | 'code'), slug: form.slug, title: form.title, summary: form.summary })
              }
            >
              <option value="numeric">numeric answers</option>
              <option value="code">code</option>
            </select>
          </label>
        )}
        <div>
          <label className="label" htmlFor="slug">
            Slug
          </label>
          <input
            id="slug"
            className="input"
            value={form.slug}
            readOnly={existing}
            onChange={(e) => set('slug', e.target.value)}
            placeholder="my-forward-pass"
          />
        </div>
        {form.kind !== 'files' && (
          <>
            <div>
              <label className="label" htmlFor="title">
                Title
              </label>
              <input id="title" className="input" value={form.title} onChange={(e) => set('title', e.target.value)} />
            </div>
            <div>
              <label className="label" htmlFor="topic">
                Topic
              </label>
              <select id="topic" className="input" value={form.topic} onChange={(e) => set('topic', e.target.value)}>
                {topics.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label className="label" htmlFor="points">
                Points
              </label>
              <input
                id="points"
                className="input"
                inputMode="decimal"
                value={form.points}
                onChange={(e) => set('points', Number(e.target.value))}
              />
            </div>
            <div className="sm:col-span-2">
              <label className="label" htmlFor="summary">
                Summary
              </label>
              <input id="summary" className="input" value={form.summary} onChange={(e) => set('summary', e.target.value)} />
            </div>
          </>
        )}
      </section>

      {form.kind === 'numeric' && (
        <section className="card space-y-2" aria-label="Answer fields">
          <h2 className="font-medium">Answer fields and tolerances</h2>
          {form.fields.map((field, index) => {
            const key = toleranceValueKey[field.tolerance.mode];
            const value = (field.tolerance as unknown as Record<string, number>)[key];
            return (
              <div key={index} className="grid gap-2 sm:grid-cols-6" data-testid={`field-${index}`}>
                <input
                  className="input"
                  aria-label={`Field ${index + 1} name`}
                  value={field.name}
                  onChange={(e) => updateField(index, { name: e.target.value })}
                />
                <input
                  className="input sm:col-span-2"
                  aria-label={`Field ${index + 1} label`}
                  value={field.label}
                  onChange={(e) => updateField(index, { label: e.target.value })}
                />
                <select
                  className="input"
                  aria-label={`Field ${index + 1} tolerance`}
                  value={field.tolerance.mode}
                  onChange={(e) => {
                    const mode = e.target.value as Tolerance['mode'];
                    updateField(index, {
                      tolerance: (mode === 'sigfigs'
                        ? { mode, digits: 3 }
                        : mode === 'decimals'
                          ? { mode, places: 2 }
                          : { mode, max: 0.01 }) as Tolerance,
                    });
                  }}
                >
                  <option value="sigfigs">significant figures</option>
                  <option value="decimals">decimal places</option>
                  <option value="relative">relative error</option>
                  <option value="absolute">absolute error</option>
                </select>
                <input
                  className="input"
                  aria-label={`Field ${index + 1} ${key}`}
                  inputMode="decimal"
                  value={value}
                  onChange={(e) => updateField(index, { tolerance: { ...field.tolerance, [key]: Number(e.target.value) } as Tolerance })}
                />
                <button
                  type="button"
                  className="text-sm text-red-700"
                  onClick={() =>
                    set(
                      'fields',
                      form.fields.filter((_, i) => i !== index),
                    )
                  }
                  disabled={form.fields.length === 1}
                >
                  Remove
                </button>
              </div>
            );
          })}
          <button
            type="button"
            className="text-sm text-indigo-700"
            onClick={() =>
              set('fields', [
                ...form.fields,
                { name: `field${form.fields.length + 1}`, label: 'label', tolerance: { mode: 'sigfigs', digits: 3 } },
              ])
            }
          >
            + Add a field
          </button>
          <label className="block text-sm">
            Credit for an answer carried forward from a wrong upstream value{' '}
            <input
              className="input ml-1 w-20"
              inputMode="decimal"
              value={form.carriedCredit}
              onChange={(e) => set('carriedCredit', Number(e.target.value))}
            />
          </label>
        </section>
      )}

      {form.kind === 'code' && (
        <section className="card space-y-2" aria-label="Functions">
          <h2 className="font-medium">Functions students write</h2>
          <textarea
            className="input font-mono text-sm"
            rows={form.entries.length + 1}
            aria-label="Signatures, one per line"
            value={form.entries.map((e) => e.signature).join('\n')}
            onChange={(e) =>
              set(
                'entries',
                e.target.value
                  .split('\n')
                  .filter((l) => l.trim())
                  .map((signature) => ({ name: /export function (\w+)/.exec(signature)?.[1] ?? '', signature })),
              )
            }
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={form.usesTf} onChange={(e) => set('usesTf', e.target.checked)} /> Students may import
            @tensorflow/tfjs
          </label>
          <label className="block text-sm">
            The mistake known-wrong.ts makes{' '}
            <select className="input ml-1 w-auto" value={form.knownWrongMistake} onChange={(e) => set('knownWrongMistake', e.target.value)}>
              {mistakeIds.map((id) => (
                <option key={id}>{id}</option>
              ))}
            </select>
          </label>
        </section>
      )}

      <section className="card space-y-2" aria-label="Files">
        <div role="tablist" className="flex flex-wrap gap-2 text-sm">
          {fileTabs.map(([key, name]) => (
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
        {isStatement ? (
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

      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn-primary" onClick={save} disabled={pending !== ''}>
          {pending === 'save' ? 'Saving…' : 'Save draft'}
        </button>
        <button type="button" className="btn-primary" onClick={validate} disabled={pending !== ''}>
          {pending === 'validate' ? 'Validating…' : 'Validate'}
        </button>
        <button type="button" className="btn-primary" onClick={publish} disabled={pending !== '' || !validation?.ok}>
          {pending === 'publish' ? 'Publishing…' : 'Publish'}
        </button>
      </div>

      {validation && (
        <section className="card space-y-2" aria-label="Validation">
          <h2 className="font-medium">
            {validation.ok ? `Validation passed (${validation.variantsChecked} variants)` : 'Validation refused these files'}
          </h2>
          <ul className="list-disc pl-5 text-sm text-red-800">
            {validation.problems.map((p, i) => (
              <li key={i}>
                <code>{p.file}</code>: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      {saved && (
        <section className="card space-y-2" aria-label="Preview as a student">
          <h2 className="font-medium">Preview as a student</h2>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label>
              Variant{' '}
              <input
                className="input ml-1 w-40"
                value={variant}
                onChange={(e) => setVariant(e.target.value)}
                aria-label="Variant to preview"
              />
            </label>
            <button type="button" className="btn-primary" onClick={showPreview} disabled={pending !== ''}>
              Preview
            </button>
            {existing && (
              <Link href={`/exercises/${form.slug}?variant=canonical`} className="text-indigo-700 hover:underline">
                Open the published exercise’s page
              </Link>
            )}
          </div>
          {preview && (
            <div className="space-y-2" data-testid="draft-preview">
              <div className="statement rounded border border-slate-200 p-3" dangerouslySetInnerHTML={{ __html: preview.statementHtml }} />
              {preview.reference.values && (
                <p className="text-sm">Reference: {preview.reference.values.map((v) => `${v.name} = ${v.value}`).join(', ')}</p>
              )}
            </div>
          )}
        </section>
      )}
    </div>
  );
}
