export {
  GradingProcessPool,
  PoolClosedError,
  authoringCrashProblem,
  type ProcessPoolOptions,
  type ChildGrade,
  type ChildAuthoring,
  type GradingPool,
} from './gradingProcessPool';
export { gradeContained, crashedResult, MAX_CHILD_DEATHS_PER_JOB, type ContainedGrade, type ContainmentOptions } from './gradeContained';
export type { AuthoringTask, AuthoringOutcome } from './childMessages';
export { gradingChildLaunch, CHILD_ENV_KEYS, type ChildLaunch } from './spawnGradingChild';
export { prepareChildAssets } from './childAssets';
