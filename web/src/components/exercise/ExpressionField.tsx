'use client';

import { lazy, Suspense } from 'react';
import type { FieldResult } from '@deltalab/grader';
import type { NumericFieldView } from './types';

// A chunk of its own (MathLive, mathjs's parser, KaTeX): pages without an expression field never load it.
const ExpressionInput = lazy(() => import('./ExpressionInput'));

type ExpressionFieldView = NumericFieldView & { expression: NonNullable<NumericFieldView['expression']> };

/** An expression field; until its chunk arrives, a plain text input of the same name (it submits the same way). */
export function ExpressionField(props: { field: ExpressionFieldView; feedback: FieldResult | undefined; initialText: string }) {
  return (
    <Suspense
      fallback={
        <div className="sm:col-span-2">
          <label htmlFor={`field-${props.field.name}`} className="label" dangerouslySetInnerHTML={{ __html: props.field.labelHtml }} />
          <input id={`field-${props.field.name}`} name={props.field.name} defaultValue={props.initialText} className="input font-mono" />
        </div>
      }
    >
      <ExpressionInput {...props} />
    </Suspense>
  );
}
