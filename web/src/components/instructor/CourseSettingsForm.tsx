'use client';

import type { LatePolicy } from '@deltalab/db';
import { LatePenaltyField, LatePolicyFieldset, TimeZoneField } from './CourseSettingsFields';
import { useCourseSettingsForm } from './useCourseSettingsForm';

/** The instructor's course settings: the time zone due dates are set and shown in, and the late policy. */
export function CourseSettingsForm({
  initial,
  timeZones,
}: {
  initial: { timeZone: string; latePolicy: LatePolicy; latePenalty: number };
  timeZones: string[];
}) {
  const { policy, setPolicy, message, fieldErrors, pending, saved, onSubmit } = useCourseSettingsForm(initial.latePolicy);
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Course settings" noValidate>
      {message && (
        <p
          role="alert"
          data-testid="settings-message"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {message}
        </p>
      )}
      {saved && (
        <p
          role="status"
          data-testid="settings-message"
          className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          Settings saved.
        </p>
      )}
      <TimeZoneField initial={initial.timeZone} timeZones={timeZones} fieldErrors={fieldErrors} />
      <LatePolicyFieldset policy={policy} onChange={setPolicy} fieldErrors={fieldErrors} />
      {policy === 'penalize' && <LatePenaltyField initialPenalty={initial.latePenalty} fieldErrors={fieldErrors} />}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  );
}
