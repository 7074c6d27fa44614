import { defineAttack } from '../attack';
import { baseFiles } from '../baseFolders';

export default defineAttack({
  title: 'Math.random replaced, to fix everyone’s variants and shuffles',
  base: 'numeric',
  files: { 'variants.ts': `${baseFiles.numeric['variants.ts']}\nMath.random = () => 0;\n` },
  contained: true,
});
