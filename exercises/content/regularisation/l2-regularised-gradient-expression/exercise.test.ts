import { checkExpressionExercise } from '../../../test/helpers';

checkExpressionExercise('l2-regularised-gradient-expression', {
  float64: { dJ_dw: ({ g, lambda, w }) => g! + 2 * lambda! * w! },
  equivalent: { dJ_dw: ['g + 2λw', '2*w*lambda + g', 'g+lambda*w+lambda*w', 'g + (2lambda)w'] },
  wrong: { dJ_dw: ['g + 2*lambda', 'g*2*lambda*w', 'lambda*(g + 2*w)'] },
});
