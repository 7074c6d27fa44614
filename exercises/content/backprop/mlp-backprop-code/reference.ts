import { backpropReference } from '../../../src/networks';

/** tfjs autodiff (tf.grads over every W and b), keyed by entry name. */
export const reference = { backprop: backpropReference };
