export { compareWithTolerance } from './compareWithTolerance';
export { parseNumericAnswer } from './parseNumericAnswer';
export { diagnoseMistake } from './diagnoseMistake';
// The tolerance rule itself is @deltalab/exercises/rules (one definition for the grader, Run in the browser and tests).
export type { Tolerance } from '@deltalab/exercises/rules';
