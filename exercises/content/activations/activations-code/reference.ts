import { activate, runTf, tf, toVector } from '../../../src/tf';

export type ActivationKind = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'softplus' | 'softmax';
export const activationKinds: readonly ActivationKind[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'softplus', 'softmax'];

export interface ActivationResult {
  value: number[];
  /** Element-wise h'(z_k); for softmax the diagonal of the Jacobian, ∂y_k/∂z_k. */
  derivative: number[];
}

/** The network activations come from src/tf's activate(); the two only this exercise asks for are added here. */
function apply(name: ActivationKind, z: tf.Tensor, alpha: number): tf.Tensor {
  if (name === 'leaky-relu') return tf.leakyRelu(z, alpha);
  if (name === 'softplus') return tf.softplus(z);
  return activate(z, name);
}

/** Values and derivatives by tfjs autodiff: tf.grad of Σ h(z) for element-wise h, of y_k for the softmax. */
function activateReference(name: ActivationKind, z: number[], alpha: number): ActivationResult {
  return runTf(() => {
    const input = tf.tensor1d(z);
    const value = toVector(apply(name, input, alpha));
    if (name !== 'softmax') {
      return { value, derivative: toVector(tf.grad((v: tf.Tensor) => tf.sum(apply(name, v, alpha)))(input)) };
    }
    const derivative = z.map((_, k) => toVector(tf.grad((v: tf.Tensor) => apply(name, v, alpha).slice(k, 1).sum())(input))[k]!);
    return { value, derivative };
  });
}

export const reference = { activate: activateReference };
