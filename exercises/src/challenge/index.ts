export { challengeData, publicTrainingSet, challengeBounds, type ChallengeData } from './data';
export {
  modelUploadSchema,
  checkModelUpload,
  outputUnitsFor,
  type ModelUpload,
  type ValidModel,
  type ValidLayer,
  type ModelCheck,
} from './modelUpload';
export {
  evaluateChallengeModel,
  prepareEvaluationBackend,
  predictClasses,
  challengeCredit,
  boundaryGrid,
  accuracy,
  BOUNDARY_GRID,
  type ChallengeScores,
} from './evaluate';
