import type { Metadata } from 'next';
import { mistakeIds, topics } from '@deltalab/exercises';
import { requireCoursePage } from '@/server/pageAccess';
import { AuthoringEditor } from '@/components/instructor/authoring/AuthoringEditor';
import { newForm } from '@/lib/authoring/formState';
import { ImportArchiveForm } from '@/components/instructor/ImportArchiveForm';
import { InstructorNav } from '@/components/instructor/InstructorNav';

export const metadata: Metadata = { title: 'New exercise' };

export default async function NewExercisePage() {
  const { course } = await requireCoursePage('/instructor/authoring/new', 'exercise.author');
  return (
    <div className="space-y-4">
      <InstructorNav course={course} />
      <h1 className="text-2xl font-semibold">New exercise</h1>
      <p className="text-sm text-slate-600">
        It starts from a working example: change it, Validate (the real grader on the canonical variant and 20 others), preview it as a
        student, then Publish.
      </p>
      <AuthoringEditor
        initial={newForm('numeric')}
        topics={topics.map((t) => ({ id: t.id, title: t.title }))}
        mistakeIds={mistakeIds}
        existing={false}
        initialValidation={null}
      />
      <section className="card space-y-2" aria-label="Import">
        <h2 className="font-medium">Or import an exported folder (.tar.gz)</h2>
        <ImportArchiveForm />
      </section>
    </div>
  );
}
