import { defineAttack } from '../attack';
import { baseFiles } from '../baseFolders';

export default defineAttack({
  title: "tf.setBackend('wasm') to switch everyone's backend",
  base: 'numeric',
  files: {
    'reference.ts': `import { tf } from '../../../src/tf';\nexport const switched = tf.setBackend('wasm');\n${baseFiles.numeric['reference.ts']}`,
  },
  refused: { file: 'reference.ts', message: /^reference\.ts: .*Backend name 'wasm' not found in registry/ },
});
