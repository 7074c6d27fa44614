/**
 * TypeScript declarations of the part of TensorFlow.js 4.22 that exercises use, for Monaco (tf exercises only).
 * The real .d.ts is ~870 files / 1.1 MB: too heavy for the editor. Signatures mirror the real ones (generic
 * `<T extends Tensor>` results, `Rank`-typed tensors), so code that checks here checks against the real package;
 * anything missing is reported by Monaco as "Property 'x' does not exist", and still runs.
 */
export const tfDeclarations = `declare module '@tensorflow/tfjs' {
  export enum Rank { R0 = 'R0', R1 = 'R1', R2 = 'R2', R3 = 'R3', R4 = 'R4', R5 = 'R5', R6 = 'R6' }
  export interface ShapeMap { R0: number[]; R1: [number]; R2: [number, number]; R3: [number, number, number]; R4: [number, number, number, number]; R5: number[]; R6: number[] }
  export interface ArrayMap { R0: number; R1: number[]; R2: number[][]; R3: number[][][]; R4: number[][][][]; R5: number[][][][][]; R6: number[][][][][][] }
  export type DataType = 'float32' | 'int32' | 'bool' | 'complex64' | 'string';
  export type TypedArray = Float32Array | Int32Array | Uint8Array;
  export type TensorLike = number | boolean | number[] | number[][] | number[][][] | number[][][][] | boolean[] | TypedArray;
  export type NamedTensorMap = { [name: string]: Tensor };
  export type TensorContainer = void | Tensor | string | number | boolean | TensorContainer[] | { [key: string]: TensorContainer } | Float32Array | Int32Array | Uint8Array;
  type Axis = number | number[];
  type T_ = Tensor | TensorLike;

  export class Tensor<R extends Rank = Rank> {
    readonly id: number;
    readonly shape: ShapeMap[R];
    readonly size: number;
    readonly dtype: DataType;
    readonly rank: number;
    readonly isDisposed: boolean;
    data(): Promise<TypedArray>;
    dataSync(): TypedArray;
    array(): Promise<ArrayMap[R]>;
    arraySync(): ArrayMap[R];
    dispose(): void;
    print(verbose?: boolean): void;
    clone<T extends Tensor>(this: T): T;
    toString(verbose?: boolean): string;
    reshape<R2 extends Rank>(shape: ShapeMap[R2]): Tensor<R2>;
    flatten(): Tensor1D;
    asScalar(): Scalar;
    as1D(): Tensor1D;
    as2D(rows: number, columns: number): Tensor2D;
    cast<T extends Tensor>(this: T, dtype: DataType): T;
    expandDims<T extends Tensor>(axis?: number): T;
    squeeze<T extends Tensor>(axis?: number[]): T;
    transpose<T extends Tensor>(perm?: number[]): T;
    add<T extends Tensor>(b: T_): T;
    sub<T extends Tensor>(b: T_): T;
    mul<T extends Tensor>(b: T_): T;
    div<T extends Tensor>(b: T_): T;
    pow<T extends Tensor>(exp: T_): T;
    maximum<T extends Tensor>(b: T_): T;
    minimum<T extends Tensor>(b: T_): T;
    squaredDifference<T extends Tensor>(b: T_): T;
    matMul<T extends Tensor>(b: T_, transposeA?: boolean, transposeB?: boolean): T;
    dot(b: T_): Tensor;
    neg<T extends Tensor>(this: T): T;
    abs<T extends Tensor>(this: T): T;
    square<T extends Tensor>(this: T): T;
    sqrt<T extends Tensor>(this: T): T;
    exp<T extends Tensor>(this: T): T;
    log<T extends Tensor>(this: T): T;
    log1p<T extends Tensor>(this: T): T;
    sigmoid<T extends Tensor>(this: T): T;
    tanh<T extends Tensor>(this: T): T;
    relu<T extends Tensor>(this: T): T;
    softmax<T extends Tensor>(this: T, dim?: number): T;
    logSoftmax<T extends Tensor>(this: T, axis?: number): T;
    clipByValue<T extends Tensor>(min: number, max: number): T;
    sum<T extends Tensor>(axis?: Axis, keepDims?: boolean): T;
    mean<T extends Tensor>(axis?: Axis, keepDims?: boolean): T;
    max<T extends Tensor>(axis?: Axis, keepDims?: boolean): T;
    min<T extends Tensor>(axis?: Axis, keepDims?: boolean): T;
    argMax<T extends Tensor>(axis?: number): T;
    argMin<T extends Tensor>(axis?: number): T;
    equal<T extends Tensor>(b: T_): T;
    greater<T extends Tensor>(b: T_): T;
    greaterEqual<T extends Tensor>(b: T_): T;
    less<T extends Tensor>(b: T_): T;
    lessEqual<T extends Tensor>(b: T_): T;
    slice<T extends Tensor>(begin: number | number[], size?: number | number[]): T;
    gather<T extends Tensor>(indices: T_, axis?: number): T;
  }
  export type Scalar = Tensor<Rank.R0>;
  export type Tensor1D = Tensor<Rank.R1>;
  export type Tensor2D = Tensor<Rank.R2>;
  export type Tensor3D = Tensor<Rank.R3>;
  export type Tensor4D = Tensor<Rank.R4>;
  export class Variable<R extends Rank = Rank> extends Tensor<R> {
    name: string;
    trainable: boolean;
    assign(newValue: Tensor<R>): void;
  }

  export function tensor<R extends Rank>(values: TensorLike, shape?: ShapeMap[R], dtype?: DataType): Tensor<R>;
  export function scalar(value: number | boolean, dtype?: DataType): Scalar;
  export function tensor1d(values: number[] | boolean[] | TypedArray, dtype?: DataType): Tensor1D;
  export function tensor2d(values: number[][] | number[] | TypedArray, shape?: [number, number], dtype?: DataType): Tensor2D;
  export function tensor3d(values: number[][][] | number[] | TypedArray, shape?: [number, number, number], dtype?: DataType): Tensor3D;
  export function variable<R extends Rank>(initialValue: Tensor<R>, trainable?: boolean, name?: string, dtype?: DataType): Variable<R>;
  export function zeros<R extends Rank>(shape: ShapeMap[R], dtype?: DataType): Tensor<R>;
  export function ones<R extends Rank>(shape: ShapeMap[R], dtype?: DataType): Tensor<R>;
  export function fill<R extends Rank>(shape: ShapeMap[R], value: number, dtype?: DataType): Tensor<R>;
  export function zerosLike<T extends Tensor>(x: T | TensorLike): T;
  export function onesLike<T extends Tensor>(x: T | TensorLike): T;
  export function eye(numRows: number, numColumns?: number): Tensor2D;
  export function range(start: number, stop: number, step?: number, dtype?: 'float32' | 'int32'): Tensor1D;
  export function linspace(start: number, stop: number, num: number): Tensor1D;
  export function oneHot(indices: Tensor | TensorLike, depth: number, onValue?: number, offValue?: number): Tensor;
  export function randomNormal<R extends Rank>(shape: ShapeMap[R], mean?: number, stdDev?: number, dtype?: 'float32' | 'int32', seed?: number): Tensor<R>;
  export function truncatedNormal<R extends Rank>(shape: ShapeMap[R], mean?: number, stdDev?: number, dtype?: 'float32' | 'int32', seed?: number): Tensor<R>;
  export function randomUniform<R extends Rank>(shape: ShapeMap[R], minval?: number, maxval?: number, dtype?: DataType, seed?: number | string): Tensor<R>;

  export function add<T extends Tensor>(a: T_, b: T_): T;
  export function sub<T extends Tensor>(a: T_, b: T_): T;
  export function mul<T extends Tensor>(a: T_, b: T_): T;
  export function div<T extends Tensor>(a: T_, b: T_): T;
  export function pow<T extends Tensor>(base: T_, exp: T_): T;
  export function maximum<T extends Tensor>(a: T_, b: T_): T;
  export function minimum<T extends Tensor>(a: T_, b: T_): T;
  export function squaredDifference<T extends Tensor>(a: T_, b: T_): T;
  export function addN<T extends Tensor>(tensors: Array<T | TensorLike>): T;
  export function matMul<T extends Tensor>(a: T_, b: T_, transposeA?: boolean, transposeB?: boolean): T;
  export function dot(t1: T_, t2: T_): Tensor;
  export function outerProduct(v1: Tensor1D | TensorLike, v2: Tensor1D | TensorLike): Tensor2D;
  export function transpose<T extends Tensor>(x: T | TensorLike, perm?: number[]): T;

  export function neg<T extends Tensor>(x: T | TensorLike): T;
  export function abs<T extends Tensor>(x: T | TensorLike): T;
  export function square<T extends Tensor>(x: T | TensorLike): T;
  export function sqrt<T extends Tensor>(x: T | TensorLike): T;
  export function exp<T extends Tensor>(x: T | TensorLike): T;
  export function log<T extends Tensor>(x: T | TensorLike): T;
  export function log1p<T extends Tensor>(x: T | TensorLike): T;
  export function reciprocal<T extends Tensor>(x: T | TensorLike): T;
  export function sign<T extends Tensor>(x: T | TensorLike): T;
  export function round<T extends Tensor>(x: T | TensorLike): T;
  export function sigmoid<T extends Tensor>(x: T | TensorLike): T;
  export function logSigmoid<T extends Tensor>(x: T | TensorLike): T;
  export function tanh<T extends Tensor>(x: T | TensorLike): T;
  export function relu<T extends Tensor>(x: T | TensorLike): T;
  export function leakyRelu<T extends Tensor>(x: T | TensorLike, alpha?: number): T;
  export function elu<T extends Tensor>(x: T | TensorLike): T;
  export function softplus<T extends Tensor>(x: T | TensorLike): T;
  export function softmax<T extends Tensor>(logits: T | TensorLike, dim?: number): T;
  export function logSoftmax<T extends Tensor>(logits: T | TensorLike, axis?: number): T;
  export function clipByValue<T extends Tensor>(x: T | TensorLike, clipValueMin: number, clipValueMax: number): T;

  export function sum<T extends Tensor>(x: T_, axis?: Axis, keepDims?: boolean): T;
  export function mean<T extends Tensor>(x: T_, axis?: Axis, keepDims?: boolean): T;
  export function max<T extends Tensor>(x: T_, axis?: Axis, keepDims?: boolean): T;
  export function min<T extends Tensor>(x: T_, axis?: Axis, keepDims?: boolean): T;
  export function prod<T extends Tensor>(x: T_, axis?: Axis, keepDims?: boolean): T;
  export function logSumExp<T extends Tensor>(x: T_, axis?: Axis, keepDims?: boolean): T;
  export function argMax<T extends Tensor>(x: T_, axis?: number): T;
  export function argMin<T extends Tensor>(x: T_, axis?: number): T;
  export function norm(x: T_, ord?: number | 'euclidean' | 'fro', axis?: Axis, keepDims?: boolean): Tensor;

  export function equal<T extends Tensor>(a: T_, b: T_): T;
  export function notEqual<T extends Tensor>(a: T_, b: T_): T;
  export function greater<T extends Tensor>(a: T_, b: T_): T;
  export function greaterEqual<T extends Tensor>(a: T_, b: T_): T;
  export function less<T extends Tensor>(a: T_, b: T_): T;
  export function lessEqual<T extends Tensor>(a: T_, b: T_): T;
  export function where<T extends Tensor>(condition: T_, a: T | TensorLike, b: T | TensorLike): T;

  export function reshape<R extends Rank>(x: T_, shape: ShapeMap[R]): Tensor<R>;
  export function expandDims<T extends Tensor>(x: T_, axis?: number): T;
  export function squeeze<T extends Tensor>(x: T_, axis?: number[]): T;
  export function concat<T extends Tensor>(tensors: Array<T | TensorLike>, axis?: number): T;
  export function stack<T extends Tensor>(tensors: Array<T | TensorLike>, axis?: number): Tensor;
  export function unstack(x: T_, axis?: number): Tensor[];
  export function split<T extends Tensor>(x: T_, numOrSizeSplits: number[] | number, axis?: number): T[];
  export function slice<T extends Tensor>(x: T | TensorLike, begin: number | number[], size?: number | number[]): T;
  export function gather<T extends Tensor>(x: T | TensorLike, indices: T_, axis?: number): T;
  export function tile<T extends Tensor>(x: T | TensorLike, reps: number[]): T;
  export function broadcastTo<R extends Rank>(x: T_, shape: ShapeMap[R]): Tensor<R>;
  export function cast<T extends Tensor>(x: T | TensorLike, dtype: DataType): T;

  export function grad(f: (x: Tensor) => Tensor): (x: TensorLike | Tensor, dy?: TensorLike | Tensor) => Tensor;
  export function grads(f: (...args: Tensor[]) => Tensor): (args: Array<Tensor | TensorLike>, dy?: Tensor | TensorLike) => Tensor[];
  export function valueAndGrad<I extends Tensor, O extends Tensor>(f: (x: I) => O): (x: I, dy?: O) => { value: O; grad: I };
  export function valueAndGrads<O extends Tensor>(f: (...args: Tensor[]) => O): (args: Tensor[], dy?: O) => { grads: Tensor[]; value: O };
  export function variableGrads(f: () => Scalar, varList?: Variable[]): { value: Scalar; grads: NamedTensorMap };

  export function tidy<T extends TensorContainer>(nameOrFn: string | (() => T), fn?: () => T): T;
  export function dispose(container: TensorContainer): void;
  export function keep<T extends Tensor>(result: T): T;
  export function memory(): { numTensors: number; numDataBuffers: number; numBytes: number; unreliable?: boolean };
  export function getBackend(): string;
  export function setBackend(backendName: string): Promise<boolean>;
  export function ready(): Promise<void>;
  export function nextFrame(): Promise<void>;

  export abstract class Optimizer {
    minimize(f: () => Scalar, returnCost?: boolean, varList?: Variable[]): Scalar | null;
    computeGradients(f: () => Scalar, varList?: Variable[]): { value: Scalar; grads: NamedTensorMap };
    applyGradients(variableGradients: NamedTensorMap): void;
    dispose(): void;
  }
  export const train: {
    sgd(learningRate: number): Optimizer;
    momentum(learningRate: number, momentum: number, useNesterov?: boolean): Optimizer;
    adagrad(learningRate: number, initialAccumulatorValue?: number): Optimizer;
    adadelta(learningRate?: number, rho?: number, epsilon?: number): Optimizer;
    adam(learningRate?: number, beta1?: number, beta2?: number, epsilon?: number): Optimizer;
    rmsprop(learningRate: number, decay?: number, momentum?: number, epsilon?: number, centered?: boolean): Optimizer;
  };
  export const losses: {
    meanSquaredError<T extends Tensor, O extends Tensor>(labels: T | TensorLike, predictions: T | TensorLike, weights?: Tensor | TensorLike): O;
    absoluteDifference<T extends Tensor, O extends Tensor>(labels: T | TensorLike, predictions: T | TensorLike, weights?: Tensor | TensorLike): O;
    logLoss<T extends Tensor, O extends Tensor>(labels: T | TensorLike, predictions: T | TensorLike, weights?: Tensor | TensorLike, epsilon?: number): O;
    sigmoidCrossEntropy<T extends Tensor, O extends Tensor>(multiClassLabels: T | TensorLike, logits: T | TensorLike, weights?: Tensor | TensorLike, labelSmoothing?: number): O;
    softmaxCrossEntropy<T extends Tensor, O extends Tensor>(onehotLabels: T | TensorLike, logits: T | TensorLike, weights?: Tensor | TensorLike, labelSmoothing?: number): O;
  };
  // tfjs-layers: what the training challenges use (tf.sequential, tf.layers.dense/dropout, compile, fit).
  type ActivationIdentifier = 'elu' | 'hardSigmoid' | 'linear' | 'relu' | 'relu6' | 'selu' | 'sigmoid' | 'softmax' | 'softplus' | 'softsign' | 'tanh' | 'swish' | 'mish';
  export class Regularizer {}
  export const regularizers: { l1(config?: { l1?: number }): Regularizer; l2(config?: { l2?: number }): Regularizer; l1l2(config?: { l1?: number; l2?: number }): Regularizer };
  export class Layer {
    readonly name: string;
    getWeights(): Tensor[];
    setWeights(weights: Tensor[]): void;
    countParams(): number;
  }
  export const layers: {
    dense(args: { units: number; activation?: ActivationIdentifier; useBias?: boolean; inputShape?: number[]; inputDim?: number; kernelInitializer?: string; biasInitializer?: string; kernelRegularizer?: Regularizer; biasRegularizer?: Regularizer; name?: string }): Layer;
    dropout(args: { rate: number; seed?: number; name?: string }): Layer;
  };
  export interface ModelCompileArgs {
    optimizer: string | Optimizer;
    loss: string | string[] | ((yTrue: Tensor, yPred: Tensor) => Tensor);
    metrics?: string[];
  }
  export interface ModelFitArgs {
    epochs?: number;
    batchSize?: number;
    shuffle?: boolean;
    verbose?: number;
    validationSplit?: number;
    callbacks?: { onEpochEnd?: (epoch: number, logs?: { [key: string]: number }) => void | Promise<void> };
  }
  export class LayersModel {
    readonly layers: Layer[];
    optimizer: Optimizer;
    stopTraining: boolean;
    compile(args: ModelCompileArgs): void;
    fit(x: Tensor, y: Tensor, args?: ModelFitArgs): Promise<{ history: { [key: string]: number[] } }>;
    predict(x: Tensor, args?: { batchSize?: number }): Tensor;
    evaluate(x: Tensor, y: Tensor, args?: { batchSize?: number }): Scalar | Scalar[];
    getWeights(): Tensor[];
    setWeights(weights: Tensor[]): void;
    countParams(): number;
    summary(): void;
  }
  export class Sequential extends LayersModel {
    add(layer: Layer): void;
  }
  export function sequential(config?: { layers?: Layer[]; name?: string }): Sequential;
}
`;
