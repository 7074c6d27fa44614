import { defineAttack } from '../attack';

export default defineAttack({
  title: 'a heap bomb in reference.ts',
  base: 'numeric',
  files: {
    'reference.ts': `import type { P } from './variants';
export function solve(p: P): Record<string, number> {
  const hoard: number[][] = [];
  for (;;) hoard.push(new Array(1e6).fill(p.w));
}
`,
  },
  refused: {
    file: 'reference.ts',
    message: /reference\.ts: (the reference used more than the memory limit of 64 MB|the exercise's code took down its grading process)/,
  },
});
