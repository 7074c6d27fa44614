'use client';

import { lazy, Suspense, useState } from 'react';
import type { FieldResult } from '@deltalab/grader';
import type { NumericFieldView } from './types';

type ExpressionFieldView = NumericFieldView & { expression: NonNullable<NumericFieldView['expression']> };
type Props = { field: ExpressionFieldView; feedback: FieldResult | undefined; initialText: string };

// A chunk of its own (MathLive, mathjs's parser, KaTeX): pages without an expression field never load it. Should it
// fail to load, the plain input stays (it submits the same way), saying so.
const ExpressionInput = lazy(() =>
  import('./ExpressionInput').catch(() => ({
    default: (props: Props) => <PlainInput {...props} note="The math editor and the preview did not load: type the expression as text." />,
  })),
);

/** An expression field; until its chunk arrives, a plain text input of the same name, whose text the chunk takes over. */
export function ExpressionField(props: Props) {
  const [draft, setDraft] = useState(props.initialText);
  return (
    <Suspense fallback={<PlainInput {...props} initialText={draft} onChange={setDraft} />}>
      <ExpressionInput {...props} initialText={draft} />
    </Suspense>
  );
}

function PlainInput({ field, initialText, onChange, note }: Props & { onChange?: (text: string) => void; note?: string }) {
  return (
    <div className="sm:col-span-2">
      <label htmlFor={`field-${field.name}`} className="label" dangerouslySetInnerHTML={{ __html: field.labelHtml }} />
      <input
        id={`field-${field.name}`}
        name={field.name}
        defaultValue={initialText}
        onChange={(event) => onChange?.(event.target.value)}
        className="input font-mono"
      />
      {note && <p className="mt-1 text-xs text-slate-600">{note}</p>}
    </div>
  );
}
