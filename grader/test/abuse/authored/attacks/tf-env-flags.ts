import { defineAttack } from '../attack';
import { baseFiles } from '../baseFolders';

export default defineAttack({
  title: "tf.env() flags set (EPSILON, PROD, CHECK_COMPUTATION_FOR_ERRORS), to change how others' references compute",
  base: 'numeric',
  files: {
    'reference.ts': `import { tf } from '../../../src/tf';
tf.env().registerFlag('EPSILON', () => 0.5);
tf.env().set('EPSILON', 0.5);
tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', true);
tf.env().set('PROD', false);
${baseFiles.numeric['reference.ts']}`,
  },
  contained: true,
});
