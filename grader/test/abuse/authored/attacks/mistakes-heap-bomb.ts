import { defineAttack } from '../attack';

export default defineAttack({
  title: 'a heap bomb in a named mistake (mistakes.ts runs at Validate too)',
  base: 'code',
  files: {
    'mistakes.ts': `import type { Mistake } from '../../../src/definition';
export const mistakes: Mistake[] = [
  { id: 'scaled-by-2', message: 'x', solve: () => { const hoard: number[][] = []; for (;;) hoard.push(new Array(1e6).fill(1)); } },
];
`,
  },
  refused: {
    file: 'mistakes.ts',
    message: /mistakes\.ts: (the mistakes used more than the memory limit of 64 MB|the exercise's code took down its grading process)/,
  },
});
