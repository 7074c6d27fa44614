export { compareWithTolerance, formatNumber, type Comparison, type CompareOptions, type Mismatch } from './compareWithTolerance';
export { parseNumericAnswer, type ParsedNumber } from './parseNumericAnswer';
export { diagnoseMistake, type Diagnosis, type MistakeCandidate, type DiagnoseOptions } from './diagnoseMistake';
export { toleranceSchema, isClose, allowedError, describeTolerance, DEFAULT_TOLERANCE, DEFAULT_ABS_FLOOR, type Tolerance } from './tolerance';
