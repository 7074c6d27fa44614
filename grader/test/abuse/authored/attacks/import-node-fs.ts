import { defineAttack } from '../attack';
import { baseFiles } from '../baseFolders';

export default defineAttack({
  title: "import { readdirSync } from 'node:fs' in reference.ts",
  base: 'numeric',
  files: {
    'reference.ts': `import { readdirSync } from 'node:fs';\nexport const listing = () => readdirSync('/');\n${baseFiles.numeric['reference.ts']}`,
  },
  refused: { file: 'reference.ts', message: /reference\.ts imports 'node:fs': .*without Node\.js/ },
});
