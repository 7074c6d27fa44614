export { createGradingQueue, type GradingQueue, type GradingQueueOptions, type SqlExecutor, type Listen } from './gradingQueue';
export { startGradingWorkers, type GradingWorkers, type GradingWorkersOptions } from './gradingWorkers';
export type { GradingJob, ClaimedSubmission, GradingOutcome, GradingStore } from './gradingStore';
