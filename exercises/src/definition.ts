import type { Rng } from './random';
import { DEFAULT_CODE_LIMITS, type CodeLimits } from './limits';
import { DEFAULT_CODE_TOLERANCE, type Tolerance } from './tolerance';
import type { ExpressionField } from './expressionField';

/**
 * The format of an exercise. Each folder content/<topic>/<slug>/ has a definition.ts whose default export is
 * `defineExercise({...})`; the loader validates it with `exerciseDefinitionSchema` and reports the folder path.
 * See exercises/README.md, "How to author an exercise".
 */

/** Topics in the order of the course notes. The web groups exercises by these, in this order. */
export const topics = [
  { id: 'forward-pass', title: 'The forward pass' },
  { id: 'activations', title: 'Activation functions' },
  { id: 'losses', title: 'Loss functions' },
  { id: 'backprop', title: 'Backpropagation' },
  { id: 'gradient-descent', title: 'Gradient descent' },
  { id: 'initialisation', title: 'Parameter initialisation' },
  { id: 'regularisation', title: 'Regularisation' },
  { id: 'challenges', title: 'Challenges' },
] as const;
export type TopicId = (typeof topics)[number]['id'];

export type ExerciseKind = 'numeric' | 'code' | 'choice' | 'challenge';

/** Per-variant givens (weights, inputs, …). Plain JSON data: it is stored, hashed and sent to the browser. */
export type Params = Record<string, unknown>;

export interface Variants<P extends Params> {
  /** The numbers printed in the course notes. */
  canonical: P;
  /** A random variant; must only use `rng` (never Math.random). */
  generate(rng: Rng): P;
  /** Strings for the statement's {{placeholders}} (KaTeX-ready, e.g. a bmatrix). */
  display(params: P): Record<string, string>;
}

interface ExerciseBase<P extends Params> {
  /** kebab-case, unique, equal to the folder name; a contract (URLs, grades, the grader CLI). */
  slug: string;
  title: string;
  topic: TopicId;
  /** Order within the topic (ascending), following the notes. */
  order: number;
  points: number;
  /** One line for lists. */
  summary: string;
  variants: Variants<P>;
}

// ---------- numeric ----------

export interface NumericField<P extends Params = Params> {
  /** A number field (the default when left out). */
  kind?: 'number';
  /** Identifier (a contract: answers are keyed by it), e.g. 'dE_dw5'. */
  name: string;
  /** Markdown/KaTeX label shown next to the input, e.g. '$\\partial E/\\partial w_5$'. */
  label: string;
  unit?: string;
  hint?: string;
  /** Defaults to DEFAULT_TOLERANCE (3 significant figures). */
  tolerance?: Tolerance;
  /**
   * The range the quantity can take (e.g. [0, 1] for a sigmoid output). Carried credit needs the student's
   * upstream values to lie in their ranges and not be trivial (anti-gaming). Open interval if `open`.
   */
  plausible?: { min: number; max: number; open?: boolean };
  /**
   * How this field follows from fields above it, so the grader can carry an error forward: recompute with the
   * student's upstream values. `from` names earlier fields only; `compute` uses tfjs (tf.grad for gradients).
   * Omit for fields computed from the givens alone.
   */
  derive?: { from: string[]; compute(params: P, upstream: Record<string, number>): number };
}

export type { ExpressionField, ExpressionMistake } from './expressionField';

/** A field of a numeric exercise: a number (the default) or an expression in declared variables. */
export type AnswerField<P extends Params = Params> = NumericField<P> | ExpressionField<P>;

export function isExpressionField<P extends Params>(field: AnswerField<P>): field is ExpressionField<P> {
  return field.kind === 'expression';
}

export interface NumericExercise<P extends Params = Params> extends ExerciseBase<P> {
  kind: 'numeric';
  /** In the order students answer them; number fields and expression fields alike. */
  fields: AnswerField<P>[];
  /** Fraction of a field's credit for a `carried` answer (0..1). */
  carriedCredit: number;
  /** The tfjs reference: every number field's value for these givens (gradients by autodiff). */
  solve(params: P): Record<string, number>;
}

// ---------- code ----------

/** One call of a student function: `entry(...args)`. `args` are plain JSON data. */
export interface CodeCase {
  name: string;
  entry: string;
  args: unknown[];
}

/** Names of the usual mistakes the grader can diagnose (a shared vocabulary with the grader's messages). */
export const mistakeIds = [
  'transposed-matrix',
  'sign-flipped',
  'scaled-by-2',
  'scaled-by-1-over-n',
  'missing-output-activation-derivative',
  'missing-hidden-activation-derivative',
  'bias-ignored',
  'output-activation-not-applied',
  'only-last-layer-right',
] as const;
export type MistakeId = (typeof mistakeIds)[number];

/** A named known-wrong implementation: the grader compares a wrong result with it to diagnose the mistake. */
export interface Mistake {
  id: MistakeId;
  /** Shown to the student when their result matches this mistake. */
  message: string;
  /** Which entry function this mistake implements (default: the first entry). */
  entry?: string;
  solve(...args: any[]): unknown;
}

export interface CodeEntry {
  /** Exported function name the student must write. */
  name: string;
  /** TypeScript signature, e.g. 'export function forward(x: number[], layers: Layer[]): number[]'. */
  signature: string;
}

export interface CodeExercise<P extends Params = Params> extends ExerciseBase<P> {
  kind: 'code';
  entries: CodeEntry[];
  /** TypeScript declarations shared by the signatures (e.g. `type Layer = …`), given to Monaco as an extra lib. */
  typeDeclarations: string;
  /** Student code may `import * as tf from '@tensorflow/tfjs'` (the sandbox loads tfjs only then). */
  usesTf: boolean;
  limits: CodeLimits;
  /** Applied element-wise to every number in the output. */
  tolerance: Tolerance;
  /** The student's starting code (starter.ts). */
  starter: string;
  /** tfjs reference implementation of each entry, keyed by entry name. Returns plain JSON data. */
  reference: Record<string, (...args: any[]) => unknown>;
  cases: {
    /** Shown to the student with expected outputs (Run in the browser). */
    visible(params: P): CodeCase[];
    /** Graded only; generated from the variant's case stream. */
    hidden(params: P, rng: Rng): CodeCase[];
  };
  mistakes: Mistake[];
  /** The mistake that known-wrong.ts commits (grader tests expect zero marks and this diagnosis). */
  knownWrongMistake: MistakeId;
}

// ---------- choice ----------

export interface ChoiceOption {
  id: string;
  /** Markdown. */
  text: string;
  correct: boolean;
  /** Markdown, shown after a submit. */
  explanation: string;
}

export interface ChoiceExercise<P extends Params = Params> extends ExerciseBase<P> {
  kind: 'choice';
  mode: 'single' | 'multiple';
  options: ChoiceOption[];
}

// ---------- challenge ----------

export type DatasetName = 'moons' | 'circles' | 'spirals' | 'xor';

/** Layer classes an uploaded model may use (tfjs-layers' class_name). Others are refused at upload. */
export const challengeLayerTypes = ['Dense', 'Dropout'] as const;
export type ChallengeLayerType = (typeof challengeLayerTypes)[number];

/** Activations the server knows how to evaluate (tfjs-layers' serialized names). */
export const challengeActivations = [
  'linear',
  'relu',
  'relu6',
  'elu',
  'selu',
  'sigmoid',
  'hard_sigmoid',
  'tanh',
  'softplus',
  'softsign',
  'softmax',
  'swish',
  'mish',
] as const;
export type ChallengeActivation = (typeof challengeActivations)[number];

/** A reference row of the board: a model trained by the course (baselines.ts, written by `npm run baselines`). */
export interface ChallengeBaseline {
  name: string;
  /** tfjs layers artifacts as uploads carry them: modelTopology, weightSpecs, weightData (base64). */
  model: { modelTopology: unknown; weightSpecs: { name: string; shape: number[]; dtype: 'float32' }[]; weightData: string };
}

/**
 * A training challenge: students train a tfjs model in the browser on the public training set and upload it; the
 * server scores it on a hidden test set (a public part, shown on the board now, and a private part, revealed after
 * the deadline). Exercise points come from `credit` on the public score, never from rank.
 */
export interface ChallengeExercise<P extends Params = Params> extends ExerciseBase<P> {
  kind: 'challenge';
  /**
   * Points are generated once from `seed`: the first `train` are the public training set, the next `test` the hidden
   * test set (its first half public, its second half private). The seed never leaves the server.
   */
  dataset: { name: DatasetName; train: number; test: number; noise: number; seed: number };
  metric: 'accuracy';
  /** Passed when the public test accuracy is ≥ threshold. */
  threshold: number;
  /** Exercise credit by public test accuracy: the highest `atLeast` reached gives its `credit` (0..1). */
  credit: { atLeast: number; credit: number }[];
  /** What an uploaded model may be. */
  model: { layers: ChallengeLayerType[]; activations: ChallengeActivation[]; maxParams: number; maxUploadKb: number };
  /** Default daily entry limit (a course may change it). */
  entriesPerDay: number;
  /** Entries a student may mark as final (the private score of the best of them counts after the deadline). */
  maxFinal: number;
  /** Verify: a re-trained model within this much accuracy of the entry's public score is "verified". */
  verifyMargin: number;
  /** Most epochs an entry may record (bounds Verify's re-training time in the sandbox). */
  maxEpochs: number;
  usesTf: true;
  /** Verify's sandbox limits (re-training runs there). */
  limits: CodeLimits;
  starter: string;
  typeDeclarations: string;
  entries: CodeEntry[];
  baselines: ChallengeBaseline[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of exercises holds each with its own params
export type ExerciseDefinition<P extends Params = any> = NumericExercise<P> | CodeExercise<P> | ChoiceExercise<P> | ChallengeExercise<P>;

/** What a code exercise's definition.ts may leave out, and what it then gets. */
const codeDefaults = { typeDeclarations: '', usesTf: false, limits: DEFAULT_CODE_LIMITS, tolerance: DEFAULT_CODE_TOLERANCE } as const;

/** A code exercise as its definition.ts writes it: the fields of `codeDefaults` are optional there. */
export type CodeExerciseDefinition<P extends Params = Params> = Omit<CodeExercise<P>, keyof typeof codeDefaults> &
  Partial<Pick<CodeExercise<P>, keyof typeof codeDefaults>>;

/**
 * Gives the definition its type (and infers P from `variants.canonical`); a code exercise gets the defaults it
 * leaves out (no extra types, no tfjs, DEFAULT_CODE_LIMITS, DEFAULT_CODE_TOLERANCE). Everything else is as written.
 */
export function defineExercise<P extends Params>(definition: NumericExercise<P>): NumericExercise<P>;
export function defineExercise<P extends Params>(definition: CodeExerciseDefinition<P>): CodeExercise<P>;
export function defineExercise<P extends Params>(definition: ChoiceExercise<P>): ChoiceExercise<P>;
export function defineExercise<P extends Params>(definition: ChallengeExercise<P>): ChallengeExercise<P>;
export function defineExercise(definition: ExerciseDefinition | CodeExerciseDefinition): ExerciseDefinition {
  return definition.kind === 'code' ? ({ ...codeDefaults, ...definition } as CodeExercise) : definition;
}

/** Variants for exercises whose givens never change (choice questions, code exercises with seeded cases). */
export function fixedVariants<P extends Params>(params: P, display: Record<string, string> = {}): Variants<P> {
  return { canonical: params, generate: () => params, display: () => display };
}

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether text can be an exercise's slug at all (kebab-case, at most 100 characters): checked before any lookup. */
export function isExerciseSlug(text: string): boolean {
  return text.length <= 100 && slugPattern.test(text);
}
