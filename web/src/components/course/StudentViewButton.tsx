'use client';

import { leaveStudentViewAction, startStudentViewAction } from '@/app/course/actions';
import { ActionButton } from '@/components/forms/ActionButton';

/** Enters the course as its test student (a session of its own in this browser, until "Leave student view"). */
export function StudentViewButton() {
  return (
    <p className="mt-3">
      <ActionButton
        label="View as a test student"
        pendingLabel="Switching…"
        action={startStudentViewAction}
        to="/course"
        className="btn btn-secondary py-1"
      />
    </p>
  );
}

export function LeaveStudentViewButton() {
  return (
    <ActionButton
      label="Leave student view"
      pendingLabel="Leaving…"
      action={leaveStudentViewAction}
      to="/instructor"
      className="btn btn-secondary py-1"
    />
  );
}
