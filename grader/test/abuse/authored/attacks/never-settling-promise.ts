import { defineAttack } from '../attack';

export default defineAttack({
  title: 'a reference that returns a Promise that never settles',
  base: 'numeric',
  files: {
    'reference.ts': `import type { P } from './variants';
export function solve(_p: P): any {
  return new Promise(() => {});
}
`,
  },
  refused: { file: 'reference.ts', message: /reference\.ts/ },
});
