import type { StudentVariant, VariantSelector } from '@deltalab/exercises';
import type { CompiledExercise, ExerciseFolder, FolderProblem } from '../authored/compileExerciseFolder';
import type { CompiledFolder, FolderReference, FolderValidation } from '../authored/inspectExerciseFolder';
import type { GradeRequest, GradeResult } from '../protocol';
import type { CompiledModule } from '../sandbox/compileSubmission';

/**
 * Work on an exercise folder authored in the site, whose code runs only in a grading child's isolates: Validate (the
 * real grader on the canonical variant and others), or one variant as a student sees it (the exercise page, previews).
 */
export type AuthoringTask =
  { kind: 'validate'; folder: ExerciseFolder; others?: number } | { kind: 'instantiate'; folder: ExerciseFolder; variant: VariantSelector };

export type AuthoringOutcome =
  | { kind: 'validated'; validation: FolderValidation }
  | { kind: 'instantiated'; variant: StudentVariant; reference: FolderReference }
  /** The folder does not compile or load, or its code fails for the variant (instantiate), naming the file. */
  | ({ kind: 'invalid' } & FolderProblem);

/** What the supervisor compiled for a grade (a child compiles nothing: it may not start esbuild's process). */
export type CompiledForGrade = { submission?: CompiledModule; folder?: CompiledExercise };

/**
 * Everything that crosses between the supervisor and a grading child, over Node's IPC channel (structured clone).
 * Both ends are our own code, so the types are trusted; the request was validated before it was queued and is
 * validated again by gradeSubmission in the child.
 */
export type ToChild =
  | { type: 'grade'; id: number; request: GradeRequest; compiled: CompiledForGrade }
  | { type: 'author'; id: number; task: AuthoringTask; compiled: CompiledFolder }
  /**
   * A catalogue exercise's variant whose grade is coming (its submission is being checked and stored): solve its
   * reference now, once per variant and child, as the grade would. No answer, no job: it grades nothing and runs no
   * one's code.
   */
  | { type: 'prepare'; exercise: string; variant: VariantSelector };

export type FromChild =
  /** The child has loaded the grader and warmed up; it says whom it runs as and which variables it has (names only). */
  | { type: 'ready'; uid: number | null; envKeys: string[]; permissionModel: boolean }
  /** The child has the job: from here on its death is the job's (before, the job never reached it). */
  | { type: 'started'; id: number }
  /** An authored exercise's code starts running (in `file`), or the student's code does: a death is theirs from here. */
  | { type: 'phase'; id: number; phase: 'exercise' | 'student'; file?: string }
  | { type: 'graded'; id: number; result: GradeResult }
  | { type: 'authored'; id: number; outcome: AuthoringOutcome }
  /** The request itself cannot be graded (unknown exercise, payload of the wrong kind): GradeRequestError. */
  | { type: 'refused'; id: number; message: string };

/** Settings a child reads from its environment (set by the supervisor). */
export const CHILD_ISOLATES_ENV = 'DELTALAB_GRADING_CHILD_ISOLATES';
