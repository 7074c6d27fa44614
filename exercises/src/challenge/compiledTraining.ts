/**
 * A compiled training step for the networks challenges start from: a tf.sequential() stack of Dense layers, compiled
 * with Adam or SGD and binary / categorical cross-entropy or mean squared error. tfjs trains op by op: for the
 * starter that is ~250 kernels an epoch at several µs of dispatch each, while the arithmetic is a few thousand
 * multiply-adds. Here one epoch is one loop over Float32Arrays (the idea of Keras's `jit_compile`): the same model,
 * built and initialised by tfjs, the same batches in the same shuffled order (tfjs's own Fisher–Yates on Math.random),
 * the same loss (tfjs's clipping included), regularisers and optimizer update as tfjs's kernels compute them, with
 * weights, moments and activations rounded to float32 as tfjs stores them. The weights go back into the tfjs model
 * whenever it is read (boundary, save), so everything after training is plain tfjs.
 *
 * Anything else (another layer, activation, loss or optimizer, a constraint, a frozen layer, a network big enough for
 * tfjs's kernels to be the faster) is not compiled: the harness trains it with model.fit, and `compileTraining` says why.
 */

/** The few tfjs calls this needs: tensors to write weights back with. */
export interface CompileTf {
  tensor(values: Float32Array, shape: number[], dtype: 'float32'): { dispose(): void };
}

interface TfjsLayer {
  getClassName(): string;
  getConfig(): Record<string, unknown>;
  trainable: boolean;
  getWeights(): { shape: number[]; dataSync(): ArrayLike<number> }[];
  setWeights(weights: unknown[]): void;
}
interface TfjsModel {
  getClassName?(): string;
  layers: TfjsLayer[];
  loss: unknown;
  optimizer: { getClassName(): string; getConfig(): Record<string, unknown> } | undefined;
}

type Activation = 'linear' | 'relu' | 'tanh' | 'sigmoid' | 'elu' | 'softmax';
const activations: readonly Activation[] = ['linear', 'relu', 'tanh', 'sigmoid', 'elu', 'softmax'];
type Loss = 'binaryCrossentropy' | 'categoricalCrossentropy' | 'meanSquaredError';
const lossNames: Record<string, Loss> = {
  binaryCrossentropy: 'binaryCrossentropy',
  binary_crossentropy: 'binaryCrossentropy',
  categoricalCrossentropy: 'categoricalCrossentropy',
  categorical_crossentropy: 'categoricalCrossentropy',
  meanSquaredError: 'meanSquaredError',
  mean_squared_error: 'meanSquaredError',
  mse: 'meanSquaredError',
  MSE: 'meanSquaredError',
};

interface Regulariser {
  l1: number;
  l2: number;
}
interface DenseLayer {
  fanIn: number;
  units: number;
  activation: Activation;
  kernel: Float32Array;
  bias: Float32Array | null;
  kernelRegulariser: Regulariser | null;
  biasRegulariser: Regulariser | null;
}
type Optimizer =
  { kind: 'adam'; learningRate: number; beta1: number; beta2: number; epsilon: number } | { kind: 'sgd'; learningRate: number };

/**
 * Up to this much arithmetic (rows × weights, one forward pass) the compiled step is the faster: tfjs's dispatch is
 * the cost. Measured on 300 points (Node 20, one core): the 2-64-32-16-3 spirals starter (0.8M) 6.4 ms an epoch
 * compiled, 7.2 on wasm, 22 on cpu; 2-128-128-3 (5.1M) 35 ms compiled, 20 on wasm. A GPU backend wins sooner still.
 */
const MAX_COMPILED_MACS = 2_000_000;

/** tfjs-layers' epsilon (its `epsilon()` on every backend but WebGL, which the page keeps away from losses). */
const EPSILON = 1e-7;
const f32 = Math.fround;

/** One compiled epoch after another; `model()` is the tfjs model with the weights so far. */
export interface CompiledTraining {
  /** The network, e.g. "2-4-2-1 tanh, tanh, sigmoid; Adam; binaryCrossentropy". */
  readonly description: string;
  /** One epoch of model.fit (shuffle, batches, update); returns its loss as model.fit logs it (regularisers included). */
  epoch(): number;
  /** The model's outputs for the training set with the current weights (rows × output units). */
  predictTraining(): Float32Array;
  /** The tfjs model, its weights brought up to date. */
  model(): unknown;
}

/** Why a model is not compiled (it is then trained by model.fit). */
export interface NotCompiled {
  reason: string;
}

function regulariser(config: unknown): Regulariser | null | NotCompiled {
  if (config == null) return null;
  const { className, config: inner } = config as { className?: string; config?: { l1?: number; l2?: number } };
  if (className !== 'L1L2' || !inner) return { reason: `the regulariser ${String(className)} is not compiled` };
  return { l1: f32(inner.l1 ?? 0), l2: f32(inner.l2 ?? 0) };
}

function readLayer(layer: TfjsLayer, index: number, last: boolean): DenseLayer | NotCompiled {
  if (layer.getClassName() !== 'Dense') return { reason: `layer ${index + 1} is ${layer.getClassName()}, not Dense` };
  if (!layer.trainable) return { reason: `layer ${index + 1} is frozen` };
  const config = layer.getConfig();
  const activation = config.activation as Activation;
  if (!activations.includes(activation)) return { reason: `the activation ${String(config.activation)} is not compiled` };
  if (activation === 'softmax' && !last) return { reason: 'softmax is compiled on the output layer only' };
  if (config.kernelConstraint != null || config.biasConstraint != null) return { reason: 'weight constraints are not compiled' };
  if (config.activityRegularizer != null) return { reason: 'activity regularisers are not compiled' };
  const kernelRegulariser = regulariser(config.kernelRegularizer);
  const biasRegulariser = regulariser(config.biasRegularizer);
  if (kernelRegulariser && 'reason' in kernelRegulariser) return kernelRegulariser;
  if (biasRegulariser && 'reason' in biasRegulariser) return biasRegulariser;
  const weights = layer.getWeights();
  const kernel = weights[0];
  if (!kernel || kernel.shape.length !== 2) return { reason: `layer ${index + 1} has no 2-D kernel` };
  const bias = config.useBias === false ? null : weights[1];
  if (config.useBias !== false && !bias) return { reason: `layer ${index + 1} has no bias` };
  return {
    fanIn: kernel.shape[0]!,
    units: kernel.shape[1]!,
    activation,
    kernel: Float32Array.from(kernel.dataSync()),
    bias: bias ? Float32Array.from(bias.dataSync()) : null,
    kernelRegulariser,
    biasRegulariser,
  };
}

function readOptimizer(optimizer: TfjsModel['optimizer']): Optimizer | NotCompiled {
  const name = optimizer?.getClassName();
  const config = optimizer?.getConfig() ?? {};
  if (name === 'Adam') {
    return {
      kind: 'adam',
      learningRate: Number(config.learningRate),
      beta1: Number(config.beta1),
      beta2: Number(config.beta2),
      epsilon: Number(config.epsilon),
    };
  }
  if (name === 'SGD') return { kind: 'sgd', learningRate: Number(config.learningRate) };
  return { reason: `the optimizer ${String(name)} is not compiled (Adam and SGD are)` };
}

/**
 * The compiled training of `model` on (x, targets), or why there is none. `targets` is rows × output units (0/1 for a
 * one-unit output, one-hot rows otherwise), as the harness gives model.fit.
 */
export function compileTraining(
  tf: CompileTf,
  tfModel: unknown,
  x: number[][],
  targets: Float32Array,
  batchSize: number,
): CompiledTraining | NotCompiled {
  const model = tfModel as TfjsModel;
  if (model.getClassName?.() !== 'Sequential') return { reason: 'only tf.sequential() models are compiled' };
  if (model.layers.length === 0) return { reason: 'the model has no layers' };
  const layers: DenseLayer[] = [];
  for (let i = 0; i < model.layers.length; i++) {
    const layer = readLayer(model.layers[i]!, i, i === model.layers.length - 1);
    if ('reason' in layer) return layer;
    layers.push(layer);
  }
  const loss = typeof model.loss === 'string' ? lossNames[model.loss] : undefined;
  if (!loss) return { reason: `the loss ${typeof model.loss === 'string' ? model.loss : 'given as a function'} is not compiled` };
  const optimizer = readOptimizer(model.optimizer);
  if ('reason' in optimizer) return optimizer;
  if (
    !Object.values(optimizer).every((v) => typeof v === 'string' || Number.isFinite(v)) ||
    layers.some((l, i) => i > 0 && l.fanIn !== layers[i - 1]!.units) ||
    layers[0]!.fanIn !== 2
  ) {
    return { reason: 'the model does not chain its shapes as compiled training expects' };
  }
  const macs = x.length * layers.reduce((sum, l) => sum + l.fanIn * l.units, 0);
  if (macs > MAX_COMPILED_MACS) {
    return {
      reason: `the network is large (${(macs / 1e6).toFixed(1)}M multiply-adds a pass over the data), where tfjs's kernels are faster`,
    };
  }
  return new DenseTraining(tf, model, layers, loss, optimizer, x, targets, batchSize);
}

class DenseTraining implements CompiledTraining {
  readonly description: string;
  private readonly n: number;
  private readonly inputs: Float32Array;
  private readonly outputs: number;
  private readonly params: Float32Array[] = [];
  private readonly regularisers: (Regulariser | null)[] = [];
  /** Sums in float64, as tfjs's cpu kernels sum before they store. */
  private readonly grads: Float64Array[] = [];
  private readonly moments: { m: Float32Array; v: Float32Array }[] = [];
  /** Per layer: activations of the batch (rows × units) and their gradients. */
  private readonly act: Float32Array[];
  private readonly delta: Float32Array[];
  private readonly batchX: Float32Array;
  private readonly batchY: Float32Array;
  private readonly indices: number[];
  /** this.act holds the whole training set, in its own order, through the current weights. */
  private forwardIsCurrent = false;
  private accBeta1 = 0;
  private accBeta2 = 0;
  private stale = false;

  constructor(
    private readonly tf: CompileTf,
    private readonly tfModel: TfjsModel,
    private readonly layers: DenseLayer[],
    private readonly loss: Loss,
    private readonly optimizer: Optimizer,
    x: number[][],
    private readonly targets: Float32Array,
    private readonly batchSize: number,
  ) {
    this.n = x.length;
    this.inputs = new Float32Array(this.n * 2);
    x.forEach((p, i) => ((this.inputs[2 * i] = p[0]!), (this.inputs[2 * i + 1] = p[1]!)));
    this.outputs = layers[layers.length - 1]!.units;
    for (const layer of layers) {
      this.params.push(layer.kernel);
      this.regularisers.push(layer.kernelRegulariser);
      if (layer.bias) {
        this.params.push(layer.bias);
        this.regularisers.push(layer.biasRegulariser);
      }
    }
    for (const p of this.params) {
      this.grads.push(new Float64Array(p.length));
      this.moments.push({ m: new Float32Array(p.length), v: new Float32Array(p.length) });
    }
    // n rows: a batch is at most the training set, and predictTraining runs it all.
    this.act = layers.map((l) => new Float32Array(this.n * l.units));
    this.delta = layers.map((l) => new Float32Array(this.n * l.units));
    this.batchX = new Float32Array(this.n * 2);
    this.batchY = new Float32Array(this.n * this.outputs);
    this.indices = Array.from({ length: this.n }, (_, i) => i);
    if (optimizer.kind === 'adam') {
      this.accBeta1 = f32(optimizer.beta1);
      this.accBeta2 = f32(optimizer.beta2);
    }
    const shape = [layers[0]!.fanIn, ...layers.map((l) => l.units)].join('-');
    this.description = `${shape} ${layers.map((l) => l.activation).join(', ')}; ${optimizer.kind === 'adam' ? 'Adam' : 'SGD'}; ${loss}`;
  }

  epoch(): number {
    // tfjs's util.shuffle, the same Math.random calls in the same order.
    const indices = this.indices;
    for (let counter = indices.length; counter > 0;) {
      const index = (Math.random() * counter) | 0;
      counter--;
      const swap = indices[counter]!;
      indices[counter] = indices[index]!;
      indices[index] = swap;
    }
    if (this.batchSize >= this.n) {
      // One batch, the whole set. A row's forward pass does not depend on the others, and the gradient is a sum over
      // rows (in float64), so the set in its own order gives what the shuffled batch gives; and the forward pass that
      // counted the last epoch's accuracy is this epoch's: one forward pass an epoch, not two.
      if (!this.forwardIsCurrent) this.forward(this.inputs, this.n);
      const loss = this.backward(this.n, this.inputs, this.targets);
      this.update();
      this.forwardIsCurrent = false;
      this.stale = true;
      return loss;
    }
    let lossSum = 0;
    for (let start = 0; start < this.n; start += this.batchSize) {
      const rows = Math.min(this.batchSize, this.n - start);
      for (let r = 0; r < rows; r++) {
        const i = indices[start + r]!;
        this.batchX[2 * r] = this.inputs[2 * i]!;
        this.batchX[2 * r + 1] = this.inputs[2 * i + 1]!;
        for (let k = 0; k < this.outputs; k++) this.batchY[r * this.outputs + k] = this.targets[i * this.outputs + k]!;
      }
      this.forward(this.batchX, rows);
      lossSum += this.backward(rows, this.batchX, this.batchY) * rows;
      this.update();
    }
    this.forwardIsCurrent = false;
    this.stale = true;
    return lossSum / this.n;
  }

  predictTraining(): Float32Array {
    if (!this.forwardIsCurrent) this.forward(this.inputs, this.n);
    this.forwardIsCurrent = true;
    return this.act[this.act.length - 1]!.slice(0, this.n * this.outputs);
  }

  model(): unknown {
    if (this.stale) {
      for (let l = 0; l < this.layers.length; l++) {
        const layer = this.layers[l]!;
        const tensors = [this.tf.tensor(layer.kernel, [layer.fanIn, layer.units], 'float32')];
        if (layer.bias) tensors.push(this.tf.tensor(layer.bias, [layer.units], 'float32'));
        this.tfModel.layers[l]!.setWeights(tensors);
        for (const t of tensors) t.dispose();
      }
      this.stale = false;
    }
    return this.tfModel;
  }

  private forward(input: Float32Array, rows: number): void {
    let a = input;
    for (let l = 0; l < this.layers.length; l++) {
      const { fanIn, units, kernel, bias, activation } = this.layers[l]!;
      const z = this.act[l]!;
      dense(a, kernel, bias, z, rows, fanIn, units);
      if (activation === 'softmax') softmaxRows(z, rows, units);
      else activateAll(activation, z, rows * units);
      a = z;
    }
  }

  /** Gradients of the batch's mean loss (+ regularisers) into this.grads; returns that loss. */
  private backward(rows: number, x: Float32Array, y: Float32Array): number {
    // Small functions, each compiled on its own: a training run lives in a fresh worker, and V8 optimises small
    // functions sooner than one large one (the first epochs run before that).
    const last = this.layers.length - 1;
    let loss = outputGradient(this.loss, this.act[last]!, y, this.delta[last]!, rows, this.outputs);
    let param = this.params.length;
    for (let l = last; l >= 0; l--) {
      const { fanIn, units: out, activation, kernel, bias } = this.layers[l]!;
      const a = this.act[l]!;
      const dz = this.delta[l]!;
      // Through the activation: dz = dLoss/da · a'(z), written with the output a as tfjs's gradients are.
      if (activation === 'softmax') softmaxBackward(dz, a, rows, out);
      else multiplyByDerivative(activation, dz, a, rows * out);
      if (bias) biasGradient(this.grads[--param]!, dz, rows, out);
      kernelGradient(this.grads[--param]!, l > 0 ? this.act[l - 1]! : x, dz, rows, fanIn, out);
      if (l > 0) propagate(this.delta[l - 1]!, dz, kernel, rows, fanIn, out);
    }
    for (let q = 0; q < this.params.length; q++) {
      const r = this.regularisers[q];
      if (r) loss += regularise(this.params[q]!, this.grads[q]!, r);
    }
    return loss;
  }

  /** The optimizer's update, as tfjs's AdamOptimizer / SGDOptimizer computes it (float32 at each stored value). */
  private update(): void {
    const o = this.optimizer;
    if (o.kind === 'sgd') {
      const c = f32(-o.learningRate);
      for (let q = 0; q < this.params.length; q++) {
        const w = this.params[q]!;
        const g = this.grads[q]!;
        for (let k = 0; k < w.length; k++) w[k] = f32(c * f32(g[k]!)) + w[k]!;
      }
      return;
    }
    const b1 = f32(o.beta1);
    const b2 = f32(o.beta2);
    const c1 = f32(1 - o.beta1);
    const c2 = f32(1 - o.beta2);
    const oneMinusAcc1 = f32(1 - this.accBeta1);
    const oneMinusAcc2 = f32(1 - this.accBeta2);
    const eps = f32(o.epsilon);
    const lr = f32(-o.learningRate);
    for (let q = 0; q < this.params.length; q++) {
      const w = this.params[q]!;
      const g = this.grads[q]!;
      const { m, v } = this.moments[q]!;
      for (let k = 0; k < w.length; k++) {
        const gk = f32(g[k]!);
        const mk = f32(f32(m[k]! * b1) + f32(gk * c1));
        const vk = f32(f32(v[k]! * b2) + f32(f32(gk * gk) * c2));
        m[k] = mk;
        v[k] = vk;
        const step = f32(f32(mk / oneMinusAcc1) / f32(f32(Math.sqrt(f32(vk / oneMinusAcc2))) + eps));
        w[k] = f32(step * lr) + w[k]!;
      }
    }
    this.accBeta1 = f32(this.accBeta1 * b1);
    this.accBeta2 = f32(this.accBeta2 * b2);
  }
}

/** a = activation(z) in place over the first `count` values (the switch outside the loop: this is the hot path). */
function activateAll(activation: Activation, z: Float32Array, count: number): void {
  switch (activation) {
    case 'tanh':
      for (let i = 0; i < count; i++) z[i] = Math.tanh(z[i]!);
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) z[i] = 1 / (1 + Math.exp(-z[i]!));
      return;
    case 'relu':
      for (let i = 0; i < count; i++) if (z[i]! < 0) z[i] = 0;
      return;
    case 'elu':
      for (let i = 0; i < count; i++) if (z[i]! < 0) z[i] = Math.exp(z[i]!) - 1;
      return;
    default:
      return;
  }
}

/** dz ·= a'(z), from a = activation(z), as tfjs's gradient kernels take it. */
function multiplyByDerivative(activation: Activation, dz: Float32Array, a: Float32Array, count: number): void {
  switch (activation) {
    case 'tanh':
      for (let i = 0; i < count; i++) dz[i] = dz[i]! * (1 - a[i]! * a[i]!);
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) dz[i] = dz[i]! * (a[i]! * (1 - a[i]!));
      return;
    case 'relu':
      for (let i = 0; i < count; i++) if (!(a[i]! > 0)) dz[i] = 0;
      return;
    case 'elu':
      for (let i = 0; i < count; i++) if (a[i]! < 0) dz[i] = dz[i]! * (a[i]! + 1);
      return;
    default:
      return;
  }
}

/**
 * dLoss/dOutput of the batch's mean loss into d, zero where tfjs's clip to [ε, 1 − ε] stops the gradient; returns
 * the batch's mean loss.
 */
function outputGradient(loss: Loss, p: Float32Array, y: Float32Array, d: Float32Array, rows: number, units: number): number {
  const count = rows * units;
  let sum = 0;
  if (loss === 'meanSquaredError') {
    for (let o = 0; o < count; o++) {
      const e = p[o]! - y[o]!;
      sum += (e * e) / units;
      d[o] = (2 * e) / units / rows;
    }
    return sum / rows;
  }
  const binary = loss === 'binaryCrossentropy';
  for (let o = 0; o < count; o++) {
    const q = p[o]!;
    const t = y[o]!;
    const c = Math.min(Math.max(q, EPSILON), 1 - EPSILON);
    const inside = q >= EPSILON && q <= 1 - EPSILON ? 1 : 0;
    if (binary) {
      // one logarithm for a 0/1 label (the usual case), both for a soft one
      sum -= (t === 1 ? Math.log(c) : t === 0 ? Math.log(1 - c) : t * Math.log(c) + (1 - t) * Math.log(1 - c)) / units;
      d[o] = (inside * (c - t)) / (c * (1 - c)) / units / rows;
    } else {
      if (t !== 0) sum -= t * Math.log(c);
      d[o] = (-inside * t) / c / rows;
    }
  }
  return sum / rows;
}

function softmaxBackward(dz: Float32Array, a: Float32Array, rows: number, out: number): void {
  for (let i = 0; i < rows; i++) {
    let dot = 0;
    for (let j = 0; j < out; j++) dot += dz[i * out + j]! * a[i * out + j]!;
    for (let j = 0; j < out; j++) dz[i * out + j] = a[i * out + j]! * (dz[i * out + j]! - dot);
  }
}

function biasGradient(gb: Float64Array, dz: Float32Array, rows: number, out: number): void {
  gb.fill(0);
  for (let i = 0; i < rows; i++) for (let j = 0; j < out; j++) gb[j] = gb[j]! + dz[i * out + j]!;
}

function kernelGradient(gw: Float64Array, below: Float32Array, dz: Float32Array, rows: number, fanIn: number, out: number): void {
  gw.fill(0);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < fanIn; k++) {
      const ak = below[i * fanIn + k]!;
      for (let j = 0; j < out; j++) gw[k * out + j] = gw[k * out + j]! + ak * dz[i * out + j]!;
    }
  }
}

/** dLoss/da of the layer below: dz · Wᵀ. */
function propagate(dBelow: Float32Array, dz: Float32Array, kernel: Float32Array, rows: number, fanIn: number, out: number): void {
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < fanIn; k++) {
      let s = 0;
      for (let j = 0; j < out; j++) s += dz[i * out + j]! * kernel[k * out + j]!;
      dBelow[i * fanIn + k] = s;
    }
  }
}

/** Adds a regulariser's gradient to g; returns its loss. */
function regularise(w: Float32Array, g: Float64Array, r: Regulariser): number {
  let loss = 0;
  for (let k = 0; k < w.length; k++) {
    const v = w[k]!;
    loss += r.l1 * Math.abs(v) + r.l2 * v * v;
    // tfjs's gradient of |v| is step(v, −1): −1 at 0 too (a bias starts at 0), not sign(0) = 0.
    g[k] = g[k]! + r.l1 * (v > 0 ? 1 : -1) + 2 * r.l2 * v;
  }
  return loss;
}

/** z = x·W + b, each row's products summed in float64 and rounded to float32 before the bias, as tfjs's matMul and add. */
function dense(
  a: Float32Array,
  kernel: Float32Array,
  bias: Float32Array | null,
  z: Float32Array,
  rows: number,
  fanIn: number,
  units: number,
): void {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < units; j++) {
      let s = 0;
      for (let k = 0; k < fanIn; k++) s += a[i * fanIn + k]! * kernel[k * units + j]!;
      z[i * units + j] = bias ? f32(s) + bias[j]! : s;
    }
  }
}

function softmaxRows(z: Float32Array, rows: number, units: number): void {
  for (let i = 0; i < rows; i++) {
    let max = -Infinity;
    for (let j = 0; j < units; j++) max = Math.max(max, z[i * units + j]!);
    let sum = 0;
    for (let j = 0; j < units; j++) sum += z[i * units + j] = Math.exp(z[i * units + j]! - max);
    for (let j = 0; j < units; j++) z[i * units + j] = z[i * units + j]! / sum;
  }
}
