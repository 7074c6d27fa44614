import { newForm, type AuthoringFormState } from '@/lib/authoring/formState';
import type { AuthoringDraft } from './useAuthoringDraft';

/** Kind (a new exercise only), slug, and for a form-authored exercise its title, topic, points and summary. */
export function ExerciseMetadataSection({
  draft: { form, set, setForm },
  existing,
  topics,
}: {
  draft: AuthoringDraft;
  existing: boolean;
  topics: { id: string; title: string }[];
}) {
  return (
    <section className="card grid gap-3 sm:grid-cols-2" aria-label="Exercise">
      {!existing && form.kind !== 'files' && <KindSelect form={form} setForm={setForm} />}
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
  );
}

/** A new exercise's kind: switching starts that kind's template, keeping the slug, title and summary. */
function KindSelect({ form, setForm }: { form: AuthoringFormState; setForm: (form: AuthoringFormState) => void }) {
  return (
    <label className="sm:col-span-2 text-sm">
      Kind{' '}
      <select
        className="input ml-1 w-auto"
        value={form.kind}
        onChange={(e) =>
          setForm({
            ...newForm(e.target.value === 'code' ? 'code' : 'numeric'),
            slug: form.slug,
            title: form.title,
            summary: form.summary,
          })
        }
      >
        <option value="numeric">numeric answers</option>
        <option value="code">code</option>
      </select>
    </label>
  );
}
