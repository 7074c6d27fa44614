export { gradeSubmission, GradeRequestError, sharedPool, closeSharedPool, type GradeOptions } from './gradeSubmission';
export {
  exerciseFolderSchema,
  gradeRequestSchema,
  gradeResultSchema,
  challengeResultSchema,
  submissionSchema,
  variantSchema,
  isInternalFailure,
  gradeErrorKinds,
  fieldStatuses,
  type GradeRequest,
  type GradeResult,
  type GradeError,
  type Submission,
  type CaseResult,
  type FieldResult,
  type FieldStatus,
  type OptionResult,
  type ChallengeResult,
  type Diagnosis,
} from './protocol';
export { compareWithTolerance, parseNumericAnswer, diagnoseMistake, type Tolerance } from './compare';
export { IsolatePool, runInSandbox, type SandboxJob, type SandboxRun, type PoolOptions } from './sandbox';
export { GRADER_VERSION } from './version';
export {
  createGradingQueue,
  startGradingWorkers,
  type GradingQueue,
  type GradingQueueOptions,
  type GradingWorkers,
  type GradingWorkersOptions,
  type GradingJob,
  type ClaimedSubmission,
  type GradingOutcome,
  type GradingStore,
  type SqlExecutor,
  type Listen,
} from './queue';
export {
  GradingProcessPool,
  PoolClosedError,
  authoringCrashProblem,
  gradeContained,
  crashedResult,
  MAX_CHILD_DEATHS_PER_JOB,
  type ProcessPoolOptions,
  type GradingPool,
  type ChildGrade,
  type ChildAuthoring,
  type AuthoringTask,
  type AuthoringOutcome,
  type ContainedGrade,
  type ContainmentOptions,
  gradingChildLaunch,
  prepareChildAssets,
  CHILD_ENV_KEYS,
  type ChildLaunch,
} from './process';
export { VALIDATION_VARIANTS, type FolderValidation, type FolderReference } from './authored/inspectExerciseFolder';
export type { ExerciseFolder, FolderProblem } from './authored/compileExerciseFolder';
