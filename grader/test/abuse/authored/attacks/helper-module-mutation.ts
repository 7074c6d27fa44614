import { defineAttack } from '../attack';
import { baseFiles } from '../baseFolders';

export default defineAttack({
  title: "the shared helpers mutated: the default tolerance to 1 figure, the topics emptied, formatNumber's output",
  base: 'numeric',
  files: {
    'variants.ts': `${baseFiles.numeric['variants.ts']}
import { DEFAULT_TOLERANCE } from '../../../src/tolerance';
import { topics } from '../../../src/definition';
(DEFAULT_TOLERANCE as any).digits = 1;
(topics as any).length = 0;
`,
  },
  // Only the folder's own copy of the helpers changes: the grader checks the definition with its own, and grades with them.
  contained: true,
});
