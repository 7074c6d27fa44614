import type { ExerciseDefinition } from '../src/definition';
import backpropMazur from './backprop/backprop-mazur/definition';
import mlpBackpropCode from './backprop/mlp-backprop-code/definition';
import mlpForwardCode from './forward-pass/mlp-forward-code/definition';
import mlpForwardPass from './forward-pass/mlp-forward-pass/definition';
import perceptronForward from './forward-pass/perceptron-forward/definition';
import learningRateEffects from './gradient-descent/learning-rate-effects/definition';
import learningCurveDiagnosis from './regularisation/learning-curve-diagnosis/definition';
import l2RegularisedGradient from './regularisation/l2-regularised-gradient/definition';
import invertedDropout from './regularisation/inverted-dropout/definition';
import activationValues from './activations/activation-values/definition';
import activationDerivatives from './activations/activation-derivatives/definition';
import tanhFromSigmoid from './activations/tanh-from-sigmoid/definition';
import softmaxValues from './activations/softmax-values/definition';
import initScales from './initialisation/init-scales/definition';
import symmetricInitGradients from './initialisation/symmetric-init-gradients/definition';
import regressionLosses from './losses/regression-losses/definition';
import binaryCrossEntropy from './losses/binary-cross-entropy/definition';
import categoricalCrossEntropy from './losses/categorical-cross-entropy/definition';
import zeroInitChoice from './initialisation/zero-init-choice/definition';
import softmaxClassifierGradient from './backprop/softmax-classifier-gradient/definition';
import numericalGradientCheck from './backprop/numerical-gradient-check/definition';
import xorBackpropCode from './backprop/xor-backprop-code/definition';
import linearRegressionGradient from './gradient-descent/linear-regression-gradient/definition';
import logisticRegressionGradient from './gradient-descent/logistic-regression-gradient/definition';
import gradientDescentStep from './gradient-descent/gradient-descent-step/definition';
import minibatchSgdEpoch from './gradient-descent/minibatch-sgd-epoch/definition';
import sgdEpochCode from './gradient-descent/sgd-epoch-code/definition';
import gradientDescentTfCode from './gradient-descent/gradient-descent-tf-code/definition';
import logisticGradientCode from './gradient-descent/logistic-gradient-code/definition';
import lossFunctionsCode from './losses/loss-functions-code/definition';
import activationsCode from './activations/activations-code/definition';
import linearNeuronForward from './forward-pass/linear-neuron-forward/definition';
import linearActivationChoice from './activations/linear-activation-choice/definition';
import backwardPassDeltas from './backprop/backward-pass-deltas/definition';
import softmaxGradientCode from './backprop/softmax-gradient-code/definition';
import learningRateDivergence from './gradient-descent/learning-rate-divergence/definition';
import moonsChallenge from './challenges/moons-challenge/definition';
import circlesChallenge from './challenges/circles-challenge/definition';
import spiralsChallenge from './challenges/spirals-challenge/definition';

/** A folder under content/ and its definition. */
export interface RegistryEntry {
  /** '<topic>/<slug>', relative to content/. */
  dir: string;
  definition: ExerciseDefinition;
}

/**
 * Every exercise. Adding one: create its folder, then add one import and one line here (any order: the loader
 * sorts by topic and `order`).
 */
export const registry: RegistryEntry[] = [
  { dir: 'forward-pass/perceptron-forward', definition: perceptronForward },
  { dir: 'forward-pass/mlp-forward-pass', definition: mlpForwardPass },
  { dir: 'forward-pass/mlp-forward-code', definition: mlpForwardCode },
  { dir: 'backprop/backprop-mazur', definition: backpropMazur },
  { dir: 'backprop/mlp-backprop-code', definition: mlpBackpropCode },
  { dir: 'gradient-descent/learning-rate-effects', definition: learningRateEffects },
  { dir: 'regularisation/learning-curve-diagnosis', definition: learningCurveDiagnosis },
  { dir: 'regularisation/l2-regularised-gradient', definition: l2RegularisedGradient },
  { dir: 'regularisation/inverted-dropout', definition: invertedDropout },
  { dir: 'activations/activation-values', definition: activationValues },
  { dir: 'activations/activation-derivatives', definition: activationDerivatives },
  { dir: 'activations/tanh-from-sigmoid', definition: tanhFromSigmoid },
  { dir: 'activations/softmax-values', definition: softmaxValues },
  { dir: 'initialisation/init-scales', definition: initScales },
  { dir: 'initialisation/symmetric-init-gradients', definition: symmetricInitGradients },
  { dir: 'losses/regression-losses', definition: regressionLosses },
  { dir: 'losses/binary-cross-entropy', definition: binaryCrossEntropy },
  { dir: 'losses/categorical-cross-entropy', definition: categoricalCrossEntropy },
  { dir: 'initialisation/zero-init-choice', definition: zeroInitChoice },
  { dir: 'backprop/softmax-classifier-gradient', definition: softmaxClassifierGradient },
  { dir: 'backprop/numerical-gradient-check', definition: numericalGradientCheck },
  { dir: 'backprop/xor-backprop-code', definition: xorBackpropCode },
  { dir: 'gradient-descent/linear-regression-gradient', definition: linearRegressionGradient },
  { dir: 'gradient-descent/logistic-regression-gradient', definition: logisticRegressionGradient },
  { dir: 'gradient-descent/gradient-descent-step', definition: gradientDescentStep },
  { dir: 'gradient-descent/minibatch-sgd-epoch', definition: minibatchSgdEpoch },
  { dir: 'gradient-descent/sgd-epoch-code', definition: sgdEpochCode },
  { dir: 'gradient-descent/logistic-gradient-code', definition: logisticGradientCode },
  { dir: 'losses/loss-functions-code', definition: lossFunctionsCode },
  { dir: 'activations/activations-code', definition: activationsCode },
  { dir: 'forward-pass/linear-neuron-forward', definition: linearNeuronForward },
  { dir: 'activations/linear-activation-choice', definition: linearActivationChoice },
  { dir: 'backprop/backward-pass-deltas', definition: backwardPassDeltas },
  { dir: 'backprop/softmax-gradient-code', definition: softmaxGradientCode },
  { dir: 'gradient-descent/learning-rate-divergence', definition: learningRateDivergence },
  { dir: 'gradient-descent/gradient-descent-tf-code', definition: gradientDescentTfCode },
  { dir: 'challenges/moons-challenge', definition: moonsChallenge },
  { dir: 'challenges/circles-challenge', definition: circlesChallenge },
  { dir: 'challenges/spirals-challenge', definition: spiralsChallenge },
];
