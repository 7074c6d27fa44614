import { defineAttack, variantsDisplaying } from '../attack';

export default defineAttack({
  title: "import('node:fs') with a literal name",
  base: 'numeric',
  files: { 'variants.ts': variantsDisplaying('p.w', "export const fs = import('node:fs');") },
  refused: { file: 'variants.ts', message: /variants\.ts imports 'node:fs'/ },
});
