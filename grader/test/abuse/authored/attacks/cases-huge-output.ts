import { defineAttack } from '../attack';

export default defineAttack({
  title: 'cases.ts returns 50 MB of arguments',
  base: 'code',
  files: {
    'cases.ts': `import type { CodeCase } from '../../../src/definition';
export const visible = (): CodeCase[] => [{ name: 'big', entry: 'double', args: [new Array(6_000_000).fill(1)] }];
export const hidden = (): CodeCase[] => [];
`,
  },
  refused: {
    file: 'cases.ts',
    message: /cases\.ts: (the cases returned more than the output limit of 1024 kB|the cases used more than the memory limit)/,
  },
});
