import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MathfieldElement } from 'mathlive';

// MathLive's <math-field> custom element, for JSX (React 19 passes its attributes and ref through).
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'math-field': DetailedHTMLProps<HTMLAttributes<MathfieldElement>, MathfieldElement> & { class?: string };
    }
  }
}
