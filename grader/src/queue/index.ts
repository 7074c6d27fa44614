export { createGradingQueue, type GradingQueue, type GradingQueueOptions, type GradingJobData, type SqlExecutor } from './gradingQueue';
export { startGradingWorkers, type GradingWorkers, type GradingWorkersOptions, type GradingFailure, type JobContext } from './gradingWorkers';
