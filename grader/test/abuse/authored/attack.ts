/** One hostile authored exercise: a base folder with some of its files replaced, and what must come of it. */
export type AuthoredAttack = {
  /** What the attack tries. */
  title: string;
  base: 'numeric' | 'code';
  files: Record<string, string>;
  /**
   * Refused at Validate with a problem in `file` whose message matches (and at Preview too, unless `validateOnly`:
   * some attacks hide from the canonical variant that Preview shows first).
   */
  refused?: { file: string; message: RegExp; validateOnly?: boolean };
  /** Nothing to refuse: it validates, and it changes nothing for the next job (checked for every attack). */
  contained?: true;
};

export function defineAttack(attack: AuthoredAttack): AuthoredAttack {
  return attack;
}

/** variants.ts of the numeric base with `display` returning what `expression` computes (strings of it). */
export function variantsDisplaying(expression: string, prelude = ''): string {
  return `import type { Variants } from '../../../src/definition';
${prelude}
export type P = { w: number; b: number; x: number };
export const variants: Variants<P> = {
  canonical: { w: 0.5, b: -1, x: 2 },
  generate: (rng) => ({ w: rng.int(1, 9) / 10, b: rng.int(-5, 5) / 10, x: rng.int(1, 4) }),
  display: (p) => ({ w: String(${expression}), b: String(p.b), x: String(p.x) }),
};
`;
}
