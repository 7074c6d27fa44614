import { defineAttack, variantsDisplaying } from '../attack';

export default defineAttack({
  title: 'globalThis.process in display()',
  base: 'numeric',
  files: { 'variants.ts': variantsDisplaying('Object.keys((globalThis as any).process.env).join()') },
  refused: { file: 'variants.ts', message: /TypeError: Cannot read properties of undefined.*`process` is not available/ },
});
