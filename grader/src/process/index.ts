export { GradingProcessPool, PoolClosedError, type ProcessPoolOptions, type ChildGrade } from './gradingProcessPool';
export { gradeContained, crashedResult, MAX_CHILD_DEATHS_PER_JOB, type ContainedGrade, type ContainmentOptions } from './gradeContained';
