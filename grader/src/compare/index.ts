export { compareWithTolerance, type Comparison, type CompareOptions, type Mismatch } from './compareWithTolerance';
export { parseNumericAnswer, type ParsedNumber } from './parseNumericAnswer';
export { diagnoseMistake, type Diagnosis, type MistakeCandidate, type DiagnoseOptions } from './diagnoseMistake';
// The tolerance rule itself is @deltalab/exercises/rules (one definition for the grader, Run in the browser and tests).
export type { Tolerance } from '@deltalab/exercises/rules';
