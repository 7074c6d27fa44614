/**
 * `@deltalab/exercises/rules`: the grading rules every package shares, browser-safe (plain TypeScript: no node:, no
 * tfjs, not even zod), so the grader, Run in the browser and the tests all import the same code. The zod schema the
 * loader checks a tolerance with is toleranceSchema.ts (main entry). The tolerance rule (tolerance.ts), what
 * a typed answer must show (answerCheck.ts), the code size limits in bytes (limits.ts), and formatNumber.
 */
export * from './tolerance';
export * from './answerCheck';
export * from './limits';
export { formatNumber } from './format';
