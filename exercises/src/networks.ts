import { activate, runTf, tf, toMatrix, toVector, type ActivationName } from './tf';
import type { Rng } from './random';

/** A dense layer in the notes' convention: W[i][j] is the weight from input j to neuron i; z = W·a + b. */
export interface Layer {
  W: number[][];
  b: number[];
  activation: ActivationName;
}

/** The declaration students see in Monaco (kept in sync with Layer above). */
export const layerTypeDeclaration = `type Activation = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softmax';
/** W[i][j] is the weight from input j to neuron i (the notes' convention): z = W·a + b, a' = activation(z). */
type Layer = { W: number[][]; b: number[]; activation: Activation };`;

export const activationNames: readonly ActivationName[] = ['linear', 'sigmoid', 'tanh', 'relu', 'softmax'];

function layerForward(a: tf.Tensor, layer: Layer): { z: tf.Tensor; a: tf.Tensor } {
  const z = tf.add(tf.matMul(tf.tensor2d(layer.W), a.reshape([-1, 1])).reshape([-1]), tf.tensor1d(layer.b));
  return { z, a: activate(z, layer.activation) };
}

/** tfjs forward pass: the network's output for one input vector. */
export function forwardReference(x: number[], layers: Layer[]): number[] {
  return runTf(() => {
    let a: tf.Tensor = tf.tensor1d(x);
    for (const layer of layers) a = layerForward(a, layer).a;
    return toVector(a);
  });
}

/** The loss the backprop exercises use: cross-entropy −Σ t log y after a softmax output, else ½‖t − a‖². */
function networkLoss(x: number[], target: number[], Ws: tf.Tensor[], bs: tf.Tensor[], layers: Layer[]): tf.Tensor {
  let a: tf.Tensor = tf.tensor1d(x);
  let z: tf.Tensor = a;
  layers.forEach((layer, l) => {
    z = tf.add(tf.matMul(Ws[l]!, a.reshape([-1, 1])).reshape([-1]), bs[l]!);
    a = activate(z, layer.activation);
  });
  const t = tf.tensor1d(target);
  const last = layers[layers.length - 1];
  if (last?.activation === 'softmax') return tf.neg(tf.sum(tf.mul(t, tf.logSoftmax(z))));
  return tf.mul(0.5, tf.sum(tf.square(tf.sub(t, a))));
}

/** Gradients of the backprop loss w.r.t. every W and b, by tfjs autodiff. */
export function backpropReference(x: number[], target: number[], layers: Layer[]): { dW: number[][][]; db: number[][] } {
  return runTf(() => {
    const Ws = layers.map((layer) => tf.tensor2d(layer.W));
    const bs = layers.map((layer) => tf.tensor1d(layer.b));
    const grads = tf.grads((...params: tf.Tensor[]) =>
      networkLoss(x, target, params.slice(0, layers.length), params.slice(layers.length), layers),
    )([...Ws, ...bs]);
    return {
      dW: grads.slice(0, layers.length).map((g) => toMatrix(g)),
      db: grads.slice(layers.length).map((g) => toVector(g)),
    };
  });
}

/** A random network: sizes[0] inputs, then one layer per following size. Weights have 2 decimals. */
export function randomLayers(rng: Rng, sizes: number[], activations: ActivationName[], scale = 1): Layer[] {
  return sizes.slice(1).map((size, l) => ({
    W: Array.from({ length: size }, () => Array.from({ length: sizes[l]! }, () => rng.rounded(-scale, scale, 2))),
    b: distinctValues(size, () => rng.rounded(-scale / 2, scale / 2, 2)),
    activation: activations[l] ?? 'linear',
  }));
}

export function randomVector(rng: Rng, length: number, scale = 1): number[] {
  return Array.from({ length }, () => rng.rounded(-scale, scale, 2));
}

/** The 3-2-2 sigmoid network of the notes' forward-pass example. */
export const notesForwardNetwork: { x: number[]; layers: Layer[] } = {
  x: [3, 0, 1],
  layers: [
    {
      W: [
        [0.1, 0.2, 0.6],
        [0.4, 0.3, 0.1],
      ],
      b: [0.4, 0.2],
      activation: 'sigmoid',
    },
    {
      W: [
        [0.2, 0.1],
        [0.1, 0.4],
      ],
      b: [0.6, 0.3],
      activation: 'sigmoid',
    },
  ],
};

/** Mazur's 2-2-2 sigmoid network (notes' backprop example): w1..w8, shared biases per layer. */
export const mazurNetwork: { x: number[]; target: number[]; layers: Layer[] } = {
  x: [0.05, 0.1],
  target: [0.01, 0.99],
  layers: [
    {
      W: [
        [0.15, 0.2],
        [0.25, 0.3],
      ],
      b: [0.35, 0.35],
      activation: 'sigmoid',
    },
    {
      W: [
        [0.4, 0.45],
        [0.5, 0.55],
      ],
      b: [0.6, 0.6],
      activation: 'sigmoid',
    },
  ],
};

/** Plain forward pass to the output layer's z (case generation only; answers come from the tfjs reference). */
export function outputPreActivations(x: number[], layers: Layer[]): number[] {
  let a = x;
  let z = x;
  for (const layer of layers) {
    z = layer.W.map((row, i) => row.reduce((s, w, j) => s + w * a[j]!, layer.b[i]!));
    if (layer.activation === 'softmax') {
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const sum = e.reduce((s, v) => s + v, 0);
      a = e.map((v) => v / sum);
    } else {
      a = z.map((v) =>
        layer.activation === 'relu'
          ? Math.max(0, v)
          : layer.activation === 'sigmoid'
            ? 1 / (1 + Math.exp(-v))
            : layer.activation === 'tanh'
              ? Math.tanh(v)
              : v,
      );
    }
  }
  return z;
}

/**
 * Whether a generated case can tell right from wrong: a relu output must be active (z > 0.05) and a softmax output
 * not saturated (logits within 6 of each other), or a whole family of mistakes would produce the same output.
 */
export function isInformativeCase(x: number[], layers: Layer[]): boolean {
  const z = outputPreActivations(x, layers);
  const activation = layers[layers.length - 1]?.activation;
  if (activation === 'relu') return z.every((v) => v > 0.05);
  if (activation === 'softmax') return Math.max(...z) - Math.min(...z) < 6;
  return true;
}

/** `length` non-zero values, pairwise distinct: equal biases would hide a bias mistake under a softmax. */
function distinctValues(length: number, draw: () => number): number[] {
  const values: number[] = [];
  while (values.length < length) {
    const v = draw();
    if (v !== 0 && !values.includes(v)) values.push(v);
  }
  return values;
}
