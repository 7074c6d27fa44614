import { defineAttack } from '../attack';
import { baseFiles } from '../baseFolders';

export default defineAttack({
  title: 'a definition whose title is a getter that never returns',
  base: 'numeric',
  files: {
    'definition.ts': baseFiles.numeric['definition.ts']!.replace("title: 'A neuron',", 'get title(): string { for (;;) {} },'),
  },
  refused: { file: 'definition.ts', message: /^definition\.ts: .* ran longer than the time limit of 2000 ms/ },
});
