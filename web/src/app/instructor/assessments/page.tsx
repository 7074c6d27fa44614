import type { Metadata } from 'next';
import { listAssessments, listCourseExercises, listCourseSections, listOverrides } from '@deltalab/db';
import { requireCoursePage } from '@/server/pageAccess';
import { standingIn } from '@/server/auth/courseAccess';
import { courseCan } from '@/server/auth/permissions';
import { exportAssessments } from '@/server/services/assessments/assessmentFiles';
import { assessmentGrades, statisticsOf } from '@/server/services/assessments/assessmentGrades';
import { overrideView } from '@/server/services/assessments/overrides';
import { InstructorNav } from '@/components/instructor/InstructorNav';
import { AssessmentEditor, OverridesForm, ReleaseScoresButton } from '@/components/instructor/assessments/AssessmentEditor';
import { AssessmentFilesBar } from '@/components/instructor/assessments/AssessmentFilesBar';
import { DeleteAssessmentButton, DeleteOverrideButton } from '@/components/instructor/assessments/DeleteButtons';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Assessments' };

const template = {
  slug: 'midterm',
  title: 'Midterm',
  type: 'exam',
  releaseAt: null,
  dueAt: '2031-03-01T12:00:00Z',
  lateDeadlines: [],
  timeLimitMinutes: 60,
  honorCode: true,
  password: null,
  slots: [{ exercises: ['perceptron-forward', 'mlp-forward-pass'], choose: 1, points: 10, pointsPerAttempt: [10, 7, 5] }],
};

/** The course's assessments for staff: statistics, overrides, releasing exam scores; the editor for instructors. */
export default async function AssessmentsPage() {
  const { course, db } = await requireCoursePage('/instructor/assessments', 'course.dashboard.view');
  const standing = standingIn(course);
  const canEdit = courseCan(standing, 'assessment.edit');
  const canRelease = courseCan(standing, 'assessment.release');
  const canOverride = courseCan(standing, 'extensions.grant');
  const [assessments, sections, overrides, files, exercises] = await Promise.all([
    listAssessments(db, course.id),
    listCourseSections(db, course.id),
    listOverrides(db, course.id),
    exportAssessments(db, course.id),
    canEdit ? listCourseExercises(db, course.id, { includeUnpublished: true }) : [],
  ]);
  const fileOf = new Map(files.map((f) => [f.slug, f]));
  const options = exercises.map((e) => ({ slug: e.slug, title: e.title, published: e.published }));
  // The course's grades read once; each assessment's figures from them.
  const grades = await assessmentGrades(db, course.id);
  const stats = new Map(assessments.map((a) => [a.slug, statisticsOf(grades, a.slug)] as const));
  return (
    <div className="space-y-6">
      <InstructorNav course={course} />
      <h1 className="text-2xl font-semibold">Assessments</h1>
      <p className="text-sm text-slate-600">
        Homework and exams, in course order. Dates are on {course.timeZone} time where shown, on your browser&apos;s clock in the form, ISO
        with their zone in the JSON files (what export writes and import takes back).
      </p>
      {canEdit && <AssessmentFilesBar courseSlug={course.slug} />}
      {assessments.map((a) => {
        const s = stats.get(a.slug);
        const mine = overrides.filter((o) => o.assessmentId === a.id).map(overrideView);
        return (
          <section key={a.id} aria-labelledby={`a-${a.slug}`} className="card space-y-3">
            <h2 id={`a-${a.slug}`} className="text-lg font-semibold">
              {a.title}{' '}
              <span className="text-sm font-normal text-slate-600">
                ({a.type}, {a.slug})
              </span>
            </h2>
            <p className="text-sm">
              {a.dueAt ? `Due ${formatDateTime(a.dueAt, course.timeZone)}` : 'No due date'}
              {a.timeLimitMinutes !== null ? ` · ${a.timeLimitMinutes} minutes` : ''} · {a.slots.length} slot
              {a.slots.length === 1 ? '' : 's'}
              {a.type === 'exam'
                ? ` · scores ${a.scoresReleasedAt ? `released ${formatDateTime(a.scoresReleasedAt, course.timeZone)}` : 'hidden'}`
                : ''}
            </p>
            {s && (
              <details className="text-sm">
                <summary className="cursor-pointer font-medium">
                  Statistics: {s.students} students · mean {s.mean ?? '—'} · median {s.median ?? '—'} of {s.maxPoints} points
                </summary>
                <table className="mt-2 text-xs">
                  <caption className="sr-only">Score distribution of {a.title}</caption>
                  <thead>
                    <tr>
                      {s.histogram.map((b) => (
                        <th key={b.from} scope="col" className="px-1 font-normal">
                          {Math.round(b.from * 100)}–{Math.round(b.to * 100)}%
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      {s.histogram.map((b) => (
                        <td key={b.from} className="px-1 text-center">
                          {b.students}
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </table>
                <table className="mt-2 text-xs">
                  <caption className="sr-only">Questions of {a.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="pr-2 text-left">
                        Slot
                      </th>
                      <th scope="col" className="pr-2 text-left">
                        Question
                      </th>
                      <th scope="col" className="pr-2">
                        Points
                      </th>
                      <th scope="col" className="pr-2">
                        Attempted
                      </th>
                      <th scope="col">Mean score</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.questions.map((q) => (
                      <tr key={q.exercise}>
                        <td className="pr-2">{q.slot}</td>
                        <td className="pr-2">{q.title}</td>
                        <td className="pr-2 text-center">{q.points}</td>
                        <td className="pr-2 text-center">{q.attempted}</td>
                        <td className="text-center">{q.meanScore === null ? '—' : `${Math.round(q.meanScore * 100)}%`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            )}
            {mine.length > 0 && (
              <ul aria-label={`Overrides of ${a.title}`} className="text-sm">
                {mine.map((o) => (
                  <li key={o.id}>
                    {o.student ?? `Section ${o.section}`}:{' '}
                    {[
                      o.dueAt ? `due ${formatDateTime(o.dueAt, course.timeZone)}` : null,
                      o.extraMinutes ? `+${o.extraMinutes} min` : null,
                      o.timeFactor ? `×${o.timeFactor} time` : null,
                    ]
                      .filter(Boolean)
                      .join(', ')}{' '}
                    ({o.reason}){canOverride && <DeleteOverrideButton slug={a.slug} id={o.id} who={o.student ?? `section ${o.section}`} />}
                  </li>
                ))}
              </ul>
            )}
            {canRelease && a.type === 'exam' && <ReleaseScoresButton slug={a.slug} released={a.scoresReleasedAt !== null} />}
            {canOverride && (
              <details>
                <summary className="cursor-pointer text-sm font-medium">Overrides (extensions, extra time)</summary>
                <OverridesForm slug={a.slug} sections={sections} />
              </details>
            )}
            {canEdit && (
              <details>
                <summary className="cursor-pointer text-sm font-medium">Edit</summary>
                <AssessmentEditor file={fileOf.get(a.slug)!} options={options} />
              </details>
            )}
            {canEdit && <DeleteAssessmentButton slug={a.slug} title={a.title} exam={a.type === 'exam'} />}
          </section>
        );
      })}
      {canEdit && (
        <section className="card space-y-2" aria-labelledby="new-assessment">
          <h2 id="new-assessment" className="text-lg font-semibold">
            New assessment
          </h2>
          <AssessmentEditor file={null} options={options} template={JSON.stringify(template, null, 2)} />
        </section>
      )}
    </div>
  );
}
