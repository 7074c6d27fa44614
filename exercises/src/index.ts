// Public API of @deltalab/exercises. Server-side (Node): loading reads content files with fs.
export {
  topics,
  defineExercise,
  fixedVariants,
  isExerciseSlug,
  mistakeIds,
  type TopicId,
  type ExerciseKind,
  type ExerciseDefinition,
  type NumericExercise,
  type NumericField,
  type AnswerField,
  type ExpressionField,
  type ExpressionMistake,
  isExpressionField,
  type CodeExercise,
  type CodeEntry,
  type CodeCase,
  type ChoiceExercise,
  type ChoiceOption,
  type ChallengeExercise,
  type ChallengeBaseline,
  type ChallengeLayerType,
  type ChallengeActivation,
  challengeLayerTypes,
  challengeActivations,
  type DatasetName,
  type Mistake,
  type MistakeId,
  type Params,
  type Variants,
} from './definition';
export { exerciseDefinitionSchema } from './definitionSchema';
// The grading rules (tolerance, written figures, size limits, formatNumber): also browser-safe as '@deltalab/exercises/rules'.
export * from './rules';
export { toleranceSchema } from './toleranceSchema';
export {
  createRng,
  hashString,
  variantSeed,
  parseVariantSelector,
  CANONICAL_CASE_SEED,
  type Rng,
  type AttemptPolicy,
  type VariantSelector,
} from './random';
export {
  loadExercises,
  loadExercisesFrom,
  getExercise,
  findExercise,
  exercisesContentDir,
  hashFolder,
  hashFiles,
  exerciseFromFiles,
  exerciseFileNames,
  exerciseFolderFiles,
  ExerciseLoadError,
  type ExerciseFileName,
  type Exercise,
} from './load';
export {
  instantiateVariant,
  studentView,
  fieldRule,
  solveVariant,
  variantParams,
  visibleCases,
  hiddenCases,
  expectedOutput,
  deriveField,
  type StudentVariant,
  type StudentField,
  type ResolvedCase,
  type VariantSolution,
} from './variant';
export { fillStatement, statementPlaceholders } from './statement';
export { expressionSpec } from './expressionField';
export { useReferenceBackend, referenceBackends, TFJS_WASM_DIR_ENV, type ReferenceBackend } from './backend';
export { forwardReference, backpropReference, layerTypeDeclaration, type Layer } from './networks';

/** The exercise version recorded with a grade: a hash of its folder's files. */
export function exerciseContentHash(exercise: { contentHash: string }): string {
  return exercise.contentHash;
}
export {
  moonsDataset,
  circlesDataset,
  spiralsDataset,
  xorDataset,
  generateDataset,
  shuffleDataset,
  splitDataset,
  houseDataTable,
  houseFeaturesAndPrices,
  studyHoursTable,
  type Dataset,
  type DatasetOptions,
} from './datasets/index';
export * from './challenge/index';
export {
  trainChallengeModel,
  readTrainingSettings,
  seededRandom,
  classesOf,
  ChallengeCodeError,
  type TrainingSettings,
  type EpochReport,
  type HarnessOptions,
  type HarnessResult,
} from './challenge/harness';
