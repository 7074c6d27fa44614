import type { CaseResult, FieldResult } from '@deltalab/grader';
import type { ShownOption } from '@/lib/visibility';

/** Colours of a field's verdict (a case's: correct / wrong; an option's: correct / wrong / missing). */
const verdictStyles: Record<FieldResult['status'], string> = {
  correct: 'text-green-800 bg-green-50 border-green-200',
  carried: 'text-amber-900 bg-amber-50 border-amber-200',
  wrong: 'text-red-800 bg-red-50 border-red-200',
  invalid: 'text-red-800 bg-red-50 border-red-200',
  missing: 'text-slate-700 bg-slate-50 border-slate-200',
};

/** Numeric: each field's verdict (carried from which upstream fields) and message. */
export function FieldFeedbackList({ fields, fieldLabels }: { fields: FieldResult[]; fieldLabels?: Record<string, string> }) {
  return (
    <ul className="space-y-1" aria-label="Feedback per field">
      {fields.map((field) => (
        <li
          key={field.name}
          className={`rounded-md border px-3 py-1.5 ${verdictStyles[field.status] ?? verdictStyles.missing}`}
          data-field={field.name}
          data-status={field.status}
        >
          <span className="font-mono text-xs">{fieldLabels?.[field.name] ?? field.name}</span>{' '}
          <strong className="uppercase">{field.status}</strong>
          {field.status === 'carried' && field.carriedFrom?.length ? ` (carried from ${field.carriedFrom.join(', ')})` : ''}
          {field.message ? ` — ${field.message}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** Code: each test case, passed or failed, with why it failed. */
export function CaseResultList({ cases }: { cases: CaseResult[] }) {
  return (
    <ul className="space-y-1" aria-label="Results per test case">
      {cases.map((c, i) => (
        <li key={`${c.name}-${i}`} className={`rounded-md border px-3 py-1.5 ${c.passed ? verdictStyles.correct : verdictStyles.wrong}`}>
          <strong>{c.passed ? 'PASS' : 'FAIL'}</strong> {c.hidden ? '(hidden) ' : ''}
          {c.name}
          {c.message && !c.passed ? <span className="block whitespace-pre-wrap text-xs">{c.message}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** Choice: each option, chosen or not, correct or not, with its explanation. */
export function OptionFeedbackList({ options, optionTexts }: { options: ShownOption[]; optionTexts?: Record<string, string> }) {
  return (
    <ul className="space-y-1" aria-label="Explanations per option">
      {options.map((o) => (
        <li
          key={o.id}
          data-option={o.id}
          className={`space-y-0.5 rounded-md border px-3 py-1.5 ${o.correct ? verdictStyles.correct : o.selected ? verdictStyles.wrong : verdictStyles.missing}`}
        >
          {optionTexts?.[o.id] ? (
            <p className="font-semibold" dangerouslySetInnerHTML={{ __html: optionTexts[o.id]! }} />
          ) : (
            <p className="font-mono font-semibold">{o.id}</p>
          )}
          <p>
            <strong>
              {o.selected ? 'Your choice' : 'Not chosen'} — {o.correct ? 'a correct option.' : 'not correct.'}
            </strong>{' '}
            {o.explanationHtml ? <span dangerouslySetInnerHTML={{ __html: o.explanationHtml }} /> : o.explanation}
          </p>
        </li>
      ))}
    </ul>
  );
}
