import { defineAttack, variantsDisplaying } from '../attack';

export default defineAttack({
  title: 'a statement of 100,000 {{…}}, each filled with 1 kB',
  base: 'numeric',
  files: {
    'statement.md': `${'{{w}} '.repeat(100_000)}\n`,
    'variants.ts': variantsDisplaying("'y'.repeat(1024)"),
  },
  refused: {
    file: 'statement.md',
    message: /statement\.md: the statement filled in with display\(\)'s values is longer than 200000 characters/,
  },
});
