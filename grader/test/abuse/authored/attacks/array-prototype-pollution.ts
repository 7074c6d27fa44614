import { defineAttack } from '../attack';
import { baseFiles } from '../baseFolders';

export default defineAttack({
  title: 'Array.prototype.map and JSON.stringify replaced at load',
  base: 'numeric',
  files: {
    'variants.ts': `${baseFiles.numeric['variants.ts']}
Array.prototype.map = function () { return [42]; } as any;
JSON.stringify = () => '"tampered"';
Math.exp = () => 0;
`,
  },
  // Only its own exercise breaks (the runtime that describes it shares its context): refused, naming the definition.
  refused: { file: 'definition.ts', message: /^definition\.ts: / },
});
