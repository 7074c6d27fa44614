import type { AuthoringDraft } from './useAuthoringDraft';

/** Code: the functions students write (one signature a line), whether they may import tfjs, and the known-wrong file's mistake. */
export function CodeFunctionsSection({ draft: { form, set }, mistakeIds }: { draft: AuthoringDraft; mistakeIds: readonly string[] }) {
  return (
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
  );
}
