import type { GradientCheckParams } from './variants';
import { checkNumericExercise, sigmoid } from '../../../test/helpers';

checkNumericExercise<GradientCheckParams>('numerical-gradient-check', {
  printedSource: 'hand-computed values (σ(1.1) = 0.750260)',
  printed: { L_w: '0.031185', L_w_plus: '0.030261', numeric_grad: '-0.0924', analytic_grad: '-0.0936' },
  float64: ({ w, b, x, t, dw }) => {
    const L = (v: number) => 0.5 * (t - sigmoid(v * x + b)) ** 2;
    const y = sigmoid(w * x + b);
    return { L_w: L(w), L_w_plus: L(w + dw), numeric_grad: (L(w + dw) - L(w)) / dw, analytic_grad: (y - t) * y * (1 - y) * x };
  },
});
