import Link from 'next/link';
import type { StudentAssessment } from '@/server/services/assessments/studentAssessments';
import { formatDateTime } from '@/lib/format';
import { Countdown } from './Countdown';

const statusLabels: Record<StudentAssessment['status'], string> = {
  'not-released': 'Not open yet',
  open: 'Open',
  late: 'Late',
  closed: 'Closed',
  'not-started': 'Not started',
  'in-progress': 'In progress',
  finished: 'Finished',
};

export function AssessmentStatus({ status }: { status: StudentAssessment['status'] }) {
  const tone =
    status === 'in-progress' || status === 'open'
      ? 'bg-green-100 text-green-900'
      : status === 'late'
        ? 'bg-amber-100 text-amber-900'
        : 'bg-slate-100 text-slate-800';
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${tone}`}>{statusLabels[status]}</span>;
}

/** "Your due date: …, extended" where an override gave the student their own; else the due date. */
export function DueLine({ assessment, timeZone }: { assessment: StudentAssessment; timeZone: string }) {
  if (!assessment.dueAt) return null;
  const when = formatDateTime(assessment.dueAt, timeZone);
  return (
    <span data-testid="assessment-due">
      {assessment.extended ? (
        <>
          Your due date: {when}, extended{assessment.extensionReason ? ` (${assessment.extensionReason})` : ''}
        </>
      ) : (
        <>Due {when}</>
      )}
    </span>
  );
}

/** The credit timeline as students see it: full credit until the due date, then each late deadline's credit. */
export function CreditTimeline({ assessment, timeZone }: { assessment: StudentAssessment; timeZone: string }) {
  const steps = assessment.timeline.filter((s) => s.phase !== 'not-released');
  if (steps.length <= 1 && steps[0]?.until === null) return null;
  return (
    <ol aria-label="Credit over time" className="space-y-1 text-sm">
      {steps.map((step, i) => (
        <li key={i}>
          {step.phase === 'view-only'
            ? `After ${formatDateTime(step.from!, timeZone)}: view only, no submissions`
            : `${step.until ? `Until ${formatDateTime(step.until, timeZone)}` : `After ${formatDateTime(step.from!, timeZone)}`}: ${
                step.credit === null ? "the course's late policy" : `${Math.round(step.credit * 100)}% credit`
              }`}
        </li>
      ))}
    </ol>
  );
}

/** The strip above an exercise that belongs to an assessment: its title, the timer of an exam, the next question. */
export function AssessmentBanner({
  assessment,
  exercise,
  serverNow,
}: {
  assessment: StudentAssessment;
  exercise: string;
  serverNow: number;
}) {
  const index = assessment.questions.findIndex((q) => q.exercise === exercise);
  const next = index >= 0 ? assessment.questions[index + 1] : undefined;
  return (
    <aside aria-label="Assessment" className="card flex flex-wrap items-center justify-between gap-3 text-sm">
      <div>
        <Link href={`/assessments/${assessment.slug}`} className="font-medium text-indigo-700 hover:underline">
          {assessment.title}
        </Link>
        {index >= 0 && (
          <span className="text-slate-600">
            {' '}
            · Question {index + 1} of {assessment.questions.length}
          </span>
        )}
        {assessment.status === 'finished' && <span className="text-slate-600"> · finished: answers are no longer taken</span>}
      </div>
      <div className="flex items-center gap-4">
        {assessment.status === 'in-progress' && assessment.endsAt && <Countdown endsAt={assessment.endsAt} serverNow={serverNow} />}
        {next ? (
          <Link href={`/exercises/${next.exercise}`} className="text-indigo-700 hover:underline">
            Next question: {next.title} →
          </Link>
        ) : (
          index >= 0 && (
            <Link href={`/assessments/${assessment.slug}`} className="text-indigo-700 hover:underline">
              Back to {assessment.title}
            </Link>
          )
        )}
      </div>
    </aside>
  );
}

/** Points as people read them: "7.5 / 10". */
export function pointsText(score: number | null, max: number): string {
  return score === null ? `— / ${max}` : `${Math.round(score * 100) / 100} / ${max}`;
}
