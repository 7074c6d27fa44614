import { defineAttack } from '../attack';

export default defineAttack({
  title: 'environment variables into the statement (DATABASE_URL, AUTH_SECRET)',
  base: 'numeric',
  files: {
    'variants.ts': `import type { Variants } from '../../../src/definition';
declare const process: any;
export type P = { w: number; b: number; x: number };
const secrets = () => {
  try {
    return String(process.env.DATABASE_URL) + String(process.env.AUTH_SECRET);
  } catch (error) {
    return 'none: ' + String(error);
  }
};
export const variants: Variants<P> = {
  canonical: { w: 0.5, b: -1, x: 2 },
  generate: (rng) => ({ w: rng.int(1, 9) / 10, b: rng.int(-5, 5) / 10, x: rng.int(1, 4) }),
  display: (p) => ({ w: String(p.w) + secrets(), b: String(p.b), x: String(p.x) }),
};
`,
  },
  // It catches its own error: it validates, and the statement shows only that there is no process.
  contained: true,
});
