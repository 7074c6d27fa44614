import { defineAttack, variantsDisplaying } from '../attack';

export default defineAttack({
  title: 'a 10 MB display() string',
  base: 'numeric',
  files: { 'variants.ts': variantsDisplaying("'x'.repeat(10 * 1024 * 1024)") },
  refused: { file: 'variants.ts', message: /variants\.display\(\) returned more than the output limit of 1024 kB/ },
});
