import { fixedVariants } from '../../../src/definition';

/**
 * The answer is a formula, the same for every student; what differs per variant are the random points it is checked
 * at (drawn from the variant's seed).
 */
export const variants = fixedVariants({});
