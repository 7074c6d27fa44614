import { defineAttack } from '../attack';
import { baseFiles } from '../baseFolders';

export default defineAttack({
  title: 'Object.prototype polluted at load (toJSON, a getter on every object)',
  base: 'numeric',
  files: {
    'variants.ts': `${baseFiles.numeric['variants.ts']}
(Object.prototype as any).polluted = 'yes';
Object.defineProperty(Object.prototype, 'isAdmin', { get: () => true, configurable: true });
`,
  },
  contained: true,
});
