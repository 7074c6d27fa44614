import { defineAttack } from '../attack';
import { baseFiles } from '../baseFolders';

export default defineAttack({
  title: "createRequire from 'node:module' to load child_process",
  base: 'numeric',
  files: {
    'reference.ts': `import { createRequire } from 'node:module';\nexport const run = () => createRequire('/')('child_process').execSync('id').toString();\n${baseFiles.numeric['reference.ts']}`,
  },
  refused: { file: 'reference.ts', message: /reference\.ts imports 'node:module'/ },
});
