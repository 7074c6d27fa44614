import { defineAttack, variantsDisplaying } from '../attack';

export default defineAttack({
  title: "Function('return this')() to reach the real global",
  base: 'numeric',
  files: { 'variants.ts': variantsDisplaying("Function('return this')().process.env.AUTH_SECRET") },
  refused: { file: 'variants.ts', message: /TypeError: Cannot read properties of undefined \(reading 'env'\).*`process` is not available/ },
});
