import { defineAttack, variantsDisplaying } from '../attack';

export default defineAttack({
  title: 'Atomics.wait on shared memory, to block the thread past the time limit',
  base: 'numeric',
  files: {
    'variants.ts': variantsDisplaying('(Atomics as any).wait(new Int32Array(new (globalThis as any).SharedArrayBuffer(4)), 0, 0, 1e9)'),
  },
  refused: { file: 'variants.ts', message: /SharedArrayBuffer is not a constructor|Atomics\.wait is not a function/ },
});
