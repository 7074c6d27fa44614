import type { ReferenceAnswers as Reference } from '@/server/services/exercises/getExercisePreview';
import { formatNumber } from '@deltalab/exercises/rules';
import { renderMarkdown } from '@/lib/renderMarkdown';

/** The reference's answers for the previewed variant (instructors only), collapsed so a screenshot can hide them. */
export function ReferenceAnswers({ reference }: { reference: Reference }) {
  if (reference.kind === 'challenge') return null;
  return (
    <details className="card text-sm" data-testid="reference-answers">
      <summary className="cursor-pointer font-semibold">Reference answers (instructors only)</summary>
      <div className="mt-3">
        {reference.kind === 'numeric' && (
          <table className="w-full border-collapse text-left" aria-label="Reference values">
            <thead>
              <tr>
                <th className="border-b border-slate-200 py-1 pr-4">Field</th>
                <th className="border-b border-slate-200 py-1">Reference value</th>
              </tr>
            </thead>
            <tbody>
              {reference.values.map((v) => (
                <tr key={v.name} data-field={v.name}>
                  <td className="py-1 pr-4">
                    <span dangerouslySetInnerHTML={{ __html: renderMarkdown(v.label, { inline: true }) }} />{' '}
                    <code className="text-xs text-slate-500">{v.name}</code>
                  </td>
                  <td className="py-1 font-mono">
                    {v.expression ?? (Number.isFinite(v.value) ? formatNumber(v.value, REFERENCE_FIGURES) : '—')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {reference.kind === 'choice' && (
          <p>
            Correct option{reference.correct.length === 1 ? '' : 's'}: <strong className="font-mono">{reference.correct.join(', ')}</strong>
          </p>
        )}
        {reference.kind === 'code' &&
          (reference.solutionSource ? (
            <pre className="max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100" aria-label="Reference solution">
              <code>{reference.solutionSource}</code>
            </pre>
          ) : (
            <p>This exercise has no reference solution file.</p>
          ))}
      </div>
    </details>
  );
}

/** Enough figures to type back in and pass every field's rule (the most any field asks for is 6). */
const REFERENCE_FIGURES = 7;
