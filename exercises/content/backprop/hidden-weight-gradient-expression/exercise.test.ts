import { checkExpressionExercise } from '../../../test/helpers';

checkExpressionExercise('hidden-weight-gradient-expression', {
  float64: {
    dE_dw1: ({ out_o1, out_o2, target_o1, target_o2, out_h1, w5, w7, i1 }) =>
      ((out_o1! - target_o1!) * out_o1! * (1 - out_o1!) * w5! + (out_o2! - target_o2!) * out_o2! * (1 - out_o2!) * w7!) *
      out_h1! *
      (1 - out_h1!) *
      i1!,
  },
  equivalent: {
    dE_dw1: [
      'i1*out_h1*(1-out_h1)*(w5*(out_o1-target_o1)*out_o1*(1-out_o1)) + i1*out_h1*(1-out_h1)*(w7*(out_o2-target_o2)*out_o2*(1-out_o2))',
    ],
  },
  wrong: { dE_dw1: ['(out_o1 - target_o1)*w5*out_h1*(1 - out_h1)*i1 + (out_o2 - target_o2)*w7*out_h1*(1 - out_h1)*i1'] },
});
