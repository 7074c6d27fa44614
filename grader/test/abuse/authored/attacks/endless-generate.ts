import { defineAttack } from '../attack';

export default defineAttack({
  title: 'a generate() that never returns',
  base: 'numeric',
  files: {
    'variants.ts': `import type { Variants } from '../../../src/definition';
export type P = { w: number; b: number; x: number };
export const variants: Variants<P> = {
  canonical: { w: 0.5, b: -1, x: 2 },
  generate: () => { for (;;) {} },
  display: (p) => ({ w: String(p.w), b: String(p.b), x: String(p.x) }),
};
`,
  },
  // The canonical variant never calls generate(): Preview of it works; Validate's other variants run into the limit.
  refused: { file: 'variants.ts', message: /variants\.generate\(\) ran longer than the time limit of 2000 ms/, validateOnly: true },
});
