import { forwardReference } from '../../../src/networks';

/** The tfjs reference, keyed by entry name. */
export const reference = { forward: forwardReference };
