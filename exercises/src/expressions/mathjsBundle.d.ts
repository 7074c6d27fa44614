// mathjs's single-file build (an export of the package): the same create/parseDependencies as its main entry, whose
// ~1,500 ES modules cost a Node process 1.5 s of CPU to load where this file costs 0.3 s (measured; see parse.ts).
declare module 'mathjs/lib/browser/math.js' {
  import type { create, parseDependencies } from 'mathjs';

  const math: { create: typeof create; parseDependencies: typeof parseDependencies };
  export default math;
}
