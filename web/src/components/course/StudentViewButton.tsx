'use client';

import { useRouter } from 'next/navigation';
import { leaveStudentViewAction, startStudentViewAction } from '@/app/course/actions';
import { useFormAction } from '@/components/forms/useFormAction';

function ActionButton({
  label,
  pendingLabel,
  action,
  to,
}: {
  label: string;
  pendingLabel: string;
  action: () => Promise<{ ok: true } | { ok: false; message: string; fieldErrors: object }>;
  to: string;
}) {
  const router = useRouter();
  const { message, pending, submit } = useFormAction<never>();
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className="btn btn-secondary py-1"
        disabled={pending}
        onClick={() =>
          void submit(action, () => {
            router.push(to);
            router.refresh();
          })
        }
      >
        {pending ? pendingLabel : label}
      </button>
      {message && (
        <span role="alert" className="text-sm text-red-700">
          {message}
        </span>
      )}
    </span>
  );
}

/** Enters the course as its test student (a session of its own in this browser, until "Leave student view"). */
export function StudentViewButton() {
  return (
    <p className="mt-3">
      <ActionButton label="View as a test student" pendingLabel="Switching…" action={startStudentViewAction} to="/course" />
    </p>
  );
}

export function LeaveStudentViewButton() {
  return <ActionButton label="Leave student view" pendingLabel="Leaving…" action={leaveStudentViewAction} to="/instructor" />;
}
