'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { LatePolicy } from '@deltalab/db';
import { saveCourseSettingsAction } from '@/app/instructor/actions';
import { useFormAction } from '@/components/forms/useFormAction';

export type CourseSettingsField = 'timeZone' | 'latePolicy' | 'latePenaltyPercent';

/** The course settings form's state: the late policy picked (the penalty shows for "penalize" only), saving, and its outcome. */
export function useCourseSettingsForm(initialPolicy: LatePolicy) {
  const router = useRouter();
  const [policy, setPolicy] = useState<LatePolicy>(initialPolicy);
  const { message, fieldErrors, pending, submit } = useFormAction<CourseSettingsField>();
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      timeZone: String(form.get('timeZone') ?? ''),
      latePolicy: String(form.get('latePolicy') ?? ''),
      latePenaltyPercent: policy === 'penalize' ? String(form.get('latePenaltyPercent') ?? '') : '0',
    };
    setSaved(false);
    await submit(
      () => saveCourseSettingsAction(values),
      () => {
        setSaved(true);
        router.refresh();
      },
    );
  }

  return { policy, setPolicy, message, fieldErrors, pending, saved, onSubmit };
}
