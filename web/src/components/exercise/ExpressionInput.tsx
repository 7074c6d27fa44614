'use client';

import { useEffect, useRef, useState } from 'react';
import katex from 'katex';
import type { MathfieldElement } from 'mathlive';
import { expressionToLatex, latexToExpressionText, parseExpression, type ExpressionFunction } from '@deltalab/exercises/expressions';
import type { FieldResult } from '@deltalab/grader';
import type { NumericFieldView } from './types';

type Editor = 'math' | 'text';

/**
 * An expression answer: a MathLive math field (loaded here, so only pages with an expression field load it) or plain
 * text, and a live "read as" preview rendered by KaTeX from the very parse the grader does. The form submits the plain
 * text in a hidden input named like the field; the math field's LaTeX is turned into that text as it changes.
 */
export default function ExpressionInput({
  field,
  feedback,
  initialText,
}: {
  field: NumericFieldView & { expression: NonNullable<NumericFieldView['expression']> };
  feedback: FieldResult | undefined;
  initialText: string;
}) {
  const [text, setText] = useState(initialText);
  const [editor, setEditor] = useState<Editor>('text');
  const [mathState, setMathState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const mathRef = useRef<MathfieldElement | null>(null);
  const spec = { variables: field.expression.variables.map((v) => v.name), functions: field.expression.functions as ExpressionFunction[] };
  const names = Object.fromEntries(field.expression.variables.map((v) => [v.name, v.latex]));
  const parsed = text.trim() === '' ? null : parseExpression(text, spec);

  useEffect(() => {
    let cancelled = false;
    import('mathlive')
      .then(({ MathfieldElement }) => {
        // Our own copies (scripts/copy-mathlive-assets.mjs): nothing is fetched from another origin.
        MathfieldElement.fontsDirectory = '/mathlive/fonts';
        MathfieldElement.soundsDirectory = '/mathlive/sounds';
        if (cancelled) return;
        setMathState('ready');
        setEditor('math');
      })
      .catch(() => !cancelled && setMathState('failed'));
    return () => {
      cancelled = true;
    };
  }, []);

  // The math field shows the current text as LaTeX when it opens (a restored answer, or text typed before).
  useEffect(() => {
    const mf = mathRef.current;
    if (editor !== 'math' || !mf) return;
    mf.mathVirtualKeyboardPolicy = 'manual';
    mf.smartMode = false;
    const current = parseExpression(text, spec);
    if (latexToExpressionText(mf.value, spec.variables) !== text) mf.value = current.ok ? expressionToLatex(current.tree, names) : '';
    const onInput = () => setText(latexToExpressionText(mf.value, spec.variables));
    mf.addEventListener('input', onInput);
    return () => mf.removeEventListener('input', onInput);
    // Only when the editor opens: afterwards the math field is the source of the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, mathState]);

  const inputId = `field-${field.name}`;
  const previewId = `${field.name}-preview`;
  const hintId = `${field.name}-hint`;
  const feedbackId = feedback ? `${field.name}-feedback` : undefined;
  const describedBy = [previewId, hintId, feedbackId].filter(Boolean).join(' ');

  return (
    <div className="sm:col-span-2" data-testid={`expression-${field.name}`}>
      <label htmlFor={inputId} id={`${inputId}-label`} className="label flex items-baseline gap-2">
        <span dangerouslySetInnerHTML={{ __html: field.labelHtml }} />
        <code className="text-xs font-normal text-slate-500">{field.name}</code>
      </label>
      <input type="hidden" name={field.name} value={text} />
      {editor === 'math' && mathState === 'ready' ? (
        <math-field
          id={inputId}
          ref={mathRef}
          aria-labelledby={`${inputId}-label`}
          aria-describedby={describedBy}
          class="input block min-h-10 w-full text-lg"
          data-testid={`math-field-${field.name}`}
        />
      ) : (
        <input
          id={inputId}
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="input font-mono"
          placeholder={field.expression.variables.length > 0 ? `e.g. an expression in ${spec.variables.join(', ')}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={feedback && feedback.status !== 'correct' ? true : undefined}
        />
      )}
      <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
        {editor === 'math' && mathState === 'ready' && (
          <span>
            Insert:{' '}
            {field.expression.variables.map((v) => (
              <button
                key={v.name}
                type="button"
                className="btn btn-secondary mx-0.5 px-1.5 py-0 font-mono text-xs"
                onClick={() => {
                  mathRef.current?.insert(v.latex, { focus: true });
                  if (mathRef.current) setText(latexToExpressionText(mathRef.current.value, spec.variables));
                }}
              >
                {v.name}
              </button>
            ))}
          </span>
        )}
        {mathState === 'ready' && (
          <button type="button" className="underline" onClick={() => setEditor(editor === 'math' ? 'text' : 'math')}>
            {editor === 'math' ? 'Type as plain text instead' : 'Use the math editor'}
          </button>
        )}
        {mathState === 'failed' && <span>The math editor did not load: type the expression as plain text.</span>}
      </div>
      <div
        id={previewId}
        className="mt-2 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
        aria-live="polite"
        data-testid={`preview-${field.name}`}
      >
        <span className="mr-2 text-xs font-semibold uppercase text-slate-500">Read as</span>
        {parsed === null ? (
          <span className="text-slate-500">nothing yet</span>
        ) : parsed.ok ? (
          <span
            dangerouslySetInnerHTML={{ __html: katex.renderToString(expressionToLatex(parsed.tree, names), { throwOnError: false }) }}
          />
        ) : (
          <span className="text-red-700">{parsed.message}</span>
        )}
      </div>
      <p id={hintId} className="mt-1 text-xs text-slate-600">
        {[field.rule, field.hint].filter(Boolean).join(' ')} Plain text: <code>2*exp(-x)/(1 + x^2)</code>, <code>x^2</code> or{' '}
        <code>x**2</code>; names like <code>out_h1</code> are one variable.
      </p>
      {feedback && (
        <p id={feedbackId} className={`mt-1 text-xs ${feedback.status === 'correct' ? 'text-green-800' : 'text-red-700'}`}>
          <strong className="uppercase">{feedback.status}</strong>
          {feedback.message ? ` — ${feedback.message}` : ''}
        </p>
      )}
    </div>
  );
}
