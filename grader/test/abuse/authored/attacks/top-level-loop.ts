import { defineAttack } from '../attack';
import { baseFiles } from '../baseFolders';

export default defineAttack({
  title: 'an endless loop at the top level of reference.ts',
  base: 'numeric',
  files: { 'reference.ts': `${baseFiles.numeric['reference.ts']}\nwhile (true) {}\n` },
  refused: { file: 'definition.ts', message: /ran longer than the time limit of 2000 ms/ },
});
