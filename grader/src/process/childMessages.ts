import type { StudentVariant, VariantSelector } from '@deltalab/exercises';
import type { ExerciseFolder } from '../authored/compileExerciseFolder';
import type { FolderReference, FolderValidation } from '../authored/inspectExerciseFolder';
import type { GradeRequest, GradeResult } from '../protocol';

/**
 * Work on an exercise folder authored in the site, which only a grading child compiles and runs: Validate (the real
 * grader on the canonical variant and others), or one variant as a student sees it (the exercise page, previews).
 */
export type AuthoringTask =
  { kind: 'validate'; folder: ExerciseFolder; others?: number } | { kind: 'instantiate'; folder: ExerciseFolder; variant: VariantSelector };

export type AuthoringOutcome =
  | { kind: 'validated'; validation: FolderValidation }
  | { kind: 'instantiated'; variant: StudentVariant; reference: FolderReference }
  /** The folder does not compile or load (instantiate), naming the file. */
  | { kind: 'invalid'; file: string; message: string };

/**
 * Everything that crosses between the supervisor and a grading child, over Node's IPC channel (structured clone).
 * Both ends are our own code, so the types are trusted; the request was validated before it was queued and is
 * validated again by gradeSubmission in the child.
 */
export type ToChild = { type: 'grade'; id: number; request: GradeRequest } | { type: 'author'; id: number; task: AuthoringTask };

export type FromChild =
  /** The child has loaded the grader and is ready for jobs. */
  | { type: 'ready' }
  /** The child has the job: from here on its death is the job's (before, the job never reached it). */
  | { type: 'started'; id: number }
  | { type: 'graded'; id: number; result: GradeResult }
  | { type: 'authored'; id: number; outcome: AuthoringOutcome }
  /** The request itself cannot be graded (unknown exercise, payload of the wrong kind): GradeRequestError. */
  | { type: 'refused'; id: number; message: string };

/** Settings a child reads from its environment (set by the supervisor). */
export const CHILD_ISOLATES_ENV = 'DELTALAB_GRADING_CHILD_ISOLATES';
