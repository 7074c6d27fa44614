/**
 * Recorded with every grade so a regrade can be compared with the original. Bump when grading
 * semantics change (tolerances, carried credit, scoring), not for refactors.
 */
export const GRADER_VERSION = '0.1.0';
