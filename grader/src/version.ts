/**
 * Recorded with every grade so a regrade can be compared with the original. Bump when grading
 * semantics change (tolerances, carried credit, scoring), not for refactors.
 */
// 0.2.0: sigfigs is PrairieLearn's 0.51-unit rule (no absolute floor), typed answers must show the figures asked,
// source limits in kB of 1024 bytes.
export const GRADER_VERSION = '0.2.0';
