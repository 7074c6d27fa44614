import { defineAttack } from '../attack';

export default defineAttack({
  title: 'require() of a name computed at run time',
  base: 'numeric',
  files: {
    'reference.ts': `declare const require: any;
import type { P } from './variants';
export function solve(p: P): Record<string, number> {
  const name = ['child', 'process'].join('_');
  return { z: require(name).execSync('id').length, a: p.w };
}
`,
  },
  refused: {
    file: 'reference.ts',
    message: /reference\.ts: the reference threw Dynamic require of "child_process" is not supported.*Modules cannot be loaded at run time/,
  },
});
