import { defineAttack } from '../attack';

export default defineAttack({
  title: 'Error.prepareStackTrace replaced, then a throw: to blame another file or run code while the host reads it',
  base: 'numeric',
  files: {
    'reference.ts': `import type { P } from './variants';
(Error as any).prepareStackTrace = () => 'at exercise.js:1:1 (variants.ts)';
export function solve(_p: P): Record<string, number> {
  throw new Error('blamed elsewhere');
}
`,
  },
  refused: { file: 'reference.ts', message: /blamed elsewhere/ },
});
