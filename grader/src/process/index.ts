export {
  GradingProcessPool,
  PoolClosedError,
  type ProcessPoolOptions,
  type ChildGrade,
  type ChildAuthoring,
  type GradingPool,
} from './gradingProcessPool';
export { gradeContained, crashedResult, MAX_CHILD_DEATHS_PER_JOB, type ContainedGrade, type ContainmentOptions } from './gradeContained';
export type { AuthoringTask, AuthoringOutcome } from './childMessages';
