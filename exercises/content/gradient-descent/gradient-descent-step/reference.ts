import { runTf, tf, toNumber } from '../../../src/tf';
import { studyData, type GradientStepParams } from './variants';

/** J(w, b) = mean (w·x + b − y)² over the eight rows, as a tfjs scalar. */
function meanSquaredError(p: GradientStepParams, w: tf.Tensor, b: tf.Tensor): tf.Scalar {
  const { x, y } = studyData(p.feature);
  return tf.mean(tf.square(tf.sub(tf.add(tf.mul(w, tf.tensor1d(x)), b), tf.tensor1d(y))));
}

function loss(p: GradientStepParams, w: number, b: number): number {
  return runTf(() => toNumber(meanSquaredError(p, tf.scalar(w), tf.scalar(b))));
}

export function solve(p: GradientStepParams): Record<string, number> {
  return runTf(() => {
    const w = tf.scalar(p.w);
    const b = tf.scalar(p.b);
    const [dw, db] = tf.grads((a: tf.Tensor, c: tf.Tensor) => meanSquaredError(p, a, c))([w, b]) as [tf.Tensor, tf.Tensor];
    const wNew = toNumber(tf.sub(w, tf.mul(p.lr, dw)));
    const bNew = toNumber(tf.sub(b, tf.mul(p.lr, db)));
    return {
      J: toNumber(meanSquaredError(p, w, b)),
      dJ_dw: toNumber(dw),
      dJ_db: toNumber(db),
      w_new: wNew,
      b_new: bNew,
      J_new: loss(p, wNew, bNew),
    };
  });
}

/** Carried forward: one step from the student's gradient, and J at the student's new parameters. */
export function step(p: GradientStepParams, value: number, gradient: number): number {
  return runTf(() => toNumber(tf.sub(value, tf.mul(p.lr, gradient))));
}
export { loss as lossAt };
