import { defineAttack, variantsDisplaying } from '../attack';

export default defineAttack({
  title: 'process.env in display()',
  base: 'numeric',
  files: { 'variants.ts': variantsDisplaying('JSON.stringify((process as any).env)', 'declare const process: any;') },
  refused: { file: 'variants.ts', message: /`process` is not available/ },
});
