export { GradingProcessPool, PoolClosedError, type ProcessPoolOptions, type ChildGrade, type GradingPool } from './gradingProcessPool';
export { gradeContained, crashedResult, MAX_CHILD_DEATHS_PER_JOB, type ContainedGrade, type ContainmentOptions } from './gradeContained';
