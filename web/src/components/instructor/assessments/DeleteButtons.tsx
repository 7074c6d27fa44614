'use client';

import { jsonInit, useApiCall } from '@/components/people/useApiCall';
import { StatusLine } from '@/components/people/StatusLine';

/** Deletes an assessment after the instructor confirms; its exercises stay in the course with their submissions. */
export function DeleteAssessmentButton({ slug, title, exam }: { slug: string; title: string; exam: boolean }) {
  const { status, pending, call } = useApiCall();
  function remove() {
    const consequences = [
      'Students’ draws, exam instances and overrides of it go with it.',
      'Its questions stay in the course with every submission and grade, as exercises in no assessment.',
      exam ? 'They are unpublished, so that they do not appear to every student.' : null,
    ].filter(Boolean);
    if (!window.confirm(`Delete '${title}'?\n\n${consequences.join('\n')}`)) return;
    void call(`/api/instructor/assessments/${slug}`, jsonInit('DELETE', { confirm: slug }), () => `Deleted ${slug}.`);
  }
  return (
    <div>
      <button type="button" className="btn-secondary text-red-800" disabled={pending} onClick={remove}>
        Delete {title}
      </button>
      <StatusLine status={status} />
    </div>
  );
}

/** Removes one override after confirming: the student (or section) is back to the assessment's own dates. */
export function DeleteOverrideButton({ slug, id, who }: { slug: string; id: string; who: string }) {
  const { status, pending, call } = useApiCall();
  function remove() {
    if (!window.confirm(`Remove the override of ${who}? They are back to the assessment's own dates and time.`)) return;
    void call(`/api/instructor/assessments/${slug}/overrides/${id}`, jsonInit('DELETE'), () => `Removed the override of ${who}.`);
  }
  return (
    <>
      <button type="button" className="ml-2 text-xs text-red-800 underline" disabled={pending} onClick={remove}>
        Remove
      </button>
      <StatusLine status={status} />
    </>
  );
}
