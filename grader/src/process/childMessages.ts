import type { GradeRequest, GradeResult } from '../protocol';

/**
 * Everything that crosses between the supervisor and a grading child, over Node's IPC channel (structured clone).
 * Both ends are our own code, so the types are trusted; the request was validated before it was queued and is
 * validated again by gradeSubmission in the child.
 */
export type ToChild = { type: 'grade'; id: number; request: GradeRequest };

export type FromChild =
  /** The child has loaded the grader and is ready for jobs. */
  | { type: 'ready' }
  | { type: 'graded'; id: number; result: GradeResult }
  /** The request itself cannot be graded (unknown exercise, payload of the wrong kind): GradeRequestError. */
  | { type: 'refused'; id: number; message: string };

/** Settings a child reads from its environment (set by the supervisor). */
export const CHILD_ISOLATES_ENV = 'DELTALAB_GRADING_CHILD_ISOLATES';
