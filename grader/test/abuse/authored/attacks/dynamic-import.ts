import { defineAttack, variantsDisplaying } from '../attack';

export default defineAttack({
  title: 'import() of a module named at run time',
  base: 'numeric',
  files: {
    'variants.ts': variantsDisplaying(
      'p.w',
      "const name = ['node', 'fs'].join(':');\nexport const loading = import(/* @vite-ignore */ name).then((fs: any) => fs.readdirSync('/'));",
    ),
  },
  refused: { file: 'variants.ts', message: /variants\.ts: import\(\) is not available to exercise code/ },
});
