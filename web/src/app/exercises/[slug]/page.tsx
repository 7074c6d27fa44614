import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import 'katex/dist/katex.min.css';
import { requireUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { getExerciseForStudent } from '@/server/services/exercises/getExerciseForStudent';
import { submissionView } from '@/server/services/submissions/getSubmission';
import { renderMarkdown } from '@/lib/renderMarkdown';
import { formatDateTime } from '@/lib/format';
import { NumericWorkspace } from '@/components/exercise/NumericWorkspace';
import { ChoiceWorkspace } from '@/components/exercise/ChoiceWorkspace';
import { CodeWorkspace } from '@/components/exercise/CodeWorkspace';
import type { ExerciseRules, SubmissionSummary } from '@/components/exercise/types';

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: (await params).slug };
}

function toleranceForRun(tolerance: { mode: string; max?: number; digits?: number; places?: number; floor?: number }) {
  const floor = tolerance.floor ?? 1e-6;
  switch (tolerance.mode) {
    case 'relative':
      return { relative: tolerance.max ?? 1e-3, absolute: floor };
    case 'absolute':
      return { relative: 0, absolute: tolerance.max ?? 1e-6 };
    case 'sigfigs':
      return { relative: 5 * 10 ** -(tolerance.digits ?? 3), absolute: floor };
    default:
      return { relative: 0, absolute: Math.max(0.5 * 10 ** -(tolerance.places ?? 3), floor) };
  }
}

export default async function ExercisePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/exercises/${slug}`);
  const found = await getExerciseForStudent(await getDb(), user.id, slug);
  if (!found) notFound();
  const { exercise, variant, courseExercise } = found;
  const history = found.history.map(submissionView) as SubmissionSummary[];
  const rules: ExerciseRules = {
    maxAttempts: courseExercise.maxAttempts,
    attemptsUsed: found.attemptsUsed,
    dueAt: courseExercise.dueAt?.toISOString() ?? null,
  };

  let workspace: React.ReactNode = null;
  if (exercise.kind === 'numeric') {
    const fields = (variant.fields ?? []).map((f) => ({
      name: f.name,
      labelHtml: renderMarkdown(f.label, { inline: true }),
      ...(f.unit ? { unit: f.unit } : {}),
      ...(f.hint ? { hint: f.hint } : {}),
    }));
    workspace = <NumericWorkspace exercise={slug} fields={fields} rules={rules} initialHistory={history} />;
  } else if (exercise.kind === 'choice') {
    const options = (variant.options ?? []).map((o) => ({ id: o.id, textHtml: renderMarkdown(o.text, { inline: true }) }));
    workspace = <ChoiceWorkspace exercise={slug} mode={variant.mode ?? 'single'} options={options} rules={rules} initialHistory={history} />;
  } else if (exercise.kind === 'code') {
    workspace = (
      <CodeWorkspace
        exercise={slug}
        rules={rules}
        initialHistory={history}
        setup={{
          starter: exercise.starter,
          draft: found.draft,
          typeDeclarations: exercise.typeDeclarations,
          signatures: exercise.entries.map((e) => e.signature),
          visibleCases: (variant.visibleCases ?? []).map((c) => ({ name: c.name, entry: c.entry, args: c.args, expected: c.expected })),
          timeLimitMs: Math.max(5000, exercise.limits.timeMs * 5),
          tolerance: toleranceForRun(exercise.tolerance),
        }}
      />
    );
  } else {
    workspace = <p className="card text-sm">Challenges are submitted from the challenge page (coming soon).</p>;
  }

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/course" className="text-indigo-700 hover:underline">
          ← {found.course.title}
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{exercise.title}</h1>
        <p className="text-sm text-slate-600">
          {exercise.points} point{exercise.points === 1 ? '' : 's'}
          {courseExercise.dueAt ? ` · Due ${formatDateTime(courseExercise.dueAt)}` : ''}
          {courseExercise.maxAttempts !== null ? ` · ${courseExercise.maxAttempts} attempts` : ''}
        </p>
      </header>
      <article
        aria-label="Exercise statement"
        className="statement card max-w-none space-y-3 leading-relaxed [&_.katex-display]:overflow-x-auto [&_.katex-display]:overflow-y-hidden [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 [&_pre]:overflow-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-3 [&_code]:font-mono"
        dangerouslySetInnerHTML={{ __html: renderMarkdown(variant.statementMarkdown) }}
      />
      {workspace}
    </div>
  );
}
