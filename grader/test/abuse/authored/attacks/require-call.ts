import { defineAttack } from '../attack';
import { baseFiles } from '../baseFolders';

export default defineAttack({
  title: "require('child_process') in reference.ts",
  base: 'numeric',
  files: {
    'reference.ts': `declare const require: any;\nexport const id = () => require('child_process').execSync('id').toString();\n${baseFiles.numeric['reference.ts']}`,
  },
  refused: { file: 'reference.ts', message: /reference\.ts imports 'child_process'/ },
});
