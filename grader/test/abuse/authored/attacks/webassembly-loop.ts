import { defineAttack } from '../attack';

export default defineAttack({
  title: 'an endless loop in WebAssembly inside display()',
  base: 'numeric',
  files: {
    'variants.ts': `import type { Variants } from '../../../src/definition';
export type P = { w: number; b: number; x: number };
// (module (func (export "spin") (loop (br 0))))
const bytes = new Uint8Array([0,97,115,109,1,0,0,0,1,4,1,96,0,0,3,2,1,0,7,8,1,4,115,112,105,110,0,0,10,9,1,7,0,3,64,12,0,11,11]);
export const variants: Variants<P> = {
  canonical: { w: 0.5, b: -1, x: 2 },
  generate: (rng) => ({ w: rng.int(1, 9) / 10, b: rng.int(-5, 5) / 10, x: rng.int(1, 4) }),
  display: (p) => {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    (instance.exports.spin as () => void)();
    return { w: String(p.w), b: String(p.b), x: String(p.x) };
  },
};
`,
  },
  refused: { file: 'variants.ts', message: /variants\.display\(\) ran longer than the time limit of 2000 ms/ },
});
