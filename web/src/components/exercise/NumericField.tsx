import type { FieldResult } from '@deltalab/grader';
import type { NumericFieldView } from './types';

/** One answer field: its label, input and unit, its rule and hint, and the latest grade's verdict on it. */
export function NumericField({ field, feedback }: { field: NumericFieldView; feedback: FieldResult | undefined }) {
  const hintId = field.hint || field.rule ? `${field.name}-hint` : undefined;
  const feedbackId = feedback ? `${field.name}-feedback` : undefined;
  return (
    <div>
      <label htmlFor={`field-${field.name}`} className="label flex items-baseline gap-2">
        <span dangerouslySetInnerHTML={{ __html: field.labelHtml }} />
        <code className="text-xs font-normal text-slate-500">{field.name}</code>
      </label>
      <div className="flex items-center gap-2">
        <input
          id={`field-${field.name}`}
          name={field.name}
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          className="input font-mono"
          aria-describedby={[hintId, feedbackId].filter(Boolean).join(' ') || undefined}
          aria-invalid={feedback && feedback.status !== 'correct' && feedback.status !== 'carried' ? true : undefined}
        />
        {field.unit && <span className="text-sm text-slate-600">{field.unit}</span>}
      </div>
      {hintId && (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {[field.rule, field.hint].filter(Boolean).join(' ')}
        </p>
      )}
      {feedback && (
        <p
          id={feedbackId}
          className={`mt-1 text-xs ${feedback.status === 'correct' ? 'text-green-800' : feedback.status === 'carried' ? 'text-amber-800' : 'text-red-700'}`}
        >
          <strong className="uppercase">{feedback.status}</strong>
          {feedback.message ? ` — ${feedback.message}` : ''}
        </p>
      )}
    </div>
  );
}
