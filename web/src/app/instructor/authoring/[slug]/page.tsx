import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { selectAuthoringDraft } from '@deltalab/db';
import { hashFiles, mistakeIds, topics } from '@deltalab/exercises';
import type { FolderValidation } from '@deltalab/grader';
import { requireCoursePage } from '@/server/pageAccess';
import { AuthoringEditor } from '@/components/instructor/authoring/AuthoringEditor';
import { newForm, type AuthoringFormState } from '@/lib/authoring/formState';
import { InstructorNav } from '@/components/instructor/InstructorNav';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: `Edit ${(await params).slug}` };
}

/** Editing a site-authored exercise: its draft (the files as last saved). Publishing an edit makes a new version. */
export default async function EditExercisePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { course, db } = await requireCoursePage(`/instructor/authoring/${slug}`, 'exercise.author');
  const draft = await selectAuthoringDraft(db, course.id, slug);
  if (!draft) notFound();
  const saved = draft.form as Partial<AuthoringFormState> & { kind: AuthoringFormState['kind'] };
  const initial: AuthoringFormState = { ...newForm(saved.kind === 'code' ? 'code' : 'numeric'), ...saved, files: draft.files };
  const validation = draft.validatedHash === hashFiles(draft.files) ? (draft.validation as FolderValidation) : null;
  return (
    <div className="space-y-4">
      <InstructorNav course={course} />
      <h1 className="text-2xl font-semibold">Edit {slug}</h1>
      <p className="text-sm text-slate-600">
        Publishing an edit makes a new version: submissions made so far keep the version they were graded on (regrade them from the
        exercise’s page).
      </p>
      <AuthoringEditor
        initial={initial}
        topics={topics.map((t) => ({ id: t.id, title: t.title }))}
        mistakeIds={mistakeIds}
        existing
        initialValidation={validation}
      />
    </div>
  );
}
