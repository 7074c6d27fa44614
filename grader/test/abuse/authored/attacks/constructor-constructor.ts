import { defineAttack, variantsDisplaying } from '../attack';

export default defineAttack({
  title: "globalThis.constructor.constructor('return process')()",
  base: 'numeric',
  files: { 'variants.ts': variantsDisplaying("(globalThis as any).constructor.constructor('return process')().mainModule") },
  refused: { file: 'variants.ts', message: /ReferenceError: process is not defined.*`process` is not available/ },
});
