import { defineAttack, variantsDisplaying } from '../attack';

export default defineAttack({
  title: 'a WebSocket to send data out',
  base: 'numeric',
  files: { 'variants.ts': variantsDisplaying("new (globalThis as any).WebSocket('ws://127.0.0.1:9').url") },
  refused: { file: 'variants.ts', message: /TypeError: .*WebSocket.*`WebSocket` is not available/ },
});
