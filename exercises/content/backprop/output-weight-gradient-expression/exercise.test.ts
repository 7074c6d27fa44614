import { checkExpressionExercise } from '../../../test/helpers';

checkExpressionExercise('output-weight-gradient-expression', {
  float64: { dE_dw5: ({ out_o1, target_o1, out_h1 }) => (out_o1! - target_o1!) * out_o1! * (1 - out_o1!) * out_h1! },
  equivalent: {
    dE_dw5: [
      '(out_o1 - target_o1)·out_o1(1 − out_o1)out_h1',
      '-(target_o1 - out_o1)*(out_o1 - out_o1^2)*out_h1',
      'out_h1*out_o1*(1-out_o1)*(out_o1-target_o1)',
    ],
  },
  wrong: { dE_dw5: ['(out_o1 - target_o1)*out_o1*(1 - out_o1)', 'out_o1*(1 - out_o1)*out_h1', '(out_o1 - target_o1)^2*out_h1'] },
});
