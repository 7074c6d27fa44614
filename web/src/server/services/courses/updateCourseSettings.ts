import { z } from 'zod';
import { updateCourseSettings, type Course, type Database } from '@deltalab/db';
import { actorIn } from '@/server/auth/courseAccess';
import { can, refusal } from '@/server/auth/permissions';
import { storableString } from '../../storableText';
import { formRefusal, type FormRefusal } from '../forms/formRefusal';
import type { CurrentCourse } from './getCurrentCourse';

/** Whether the runtime knows this IANA zone (Intl throws a RangeError for an unknown one). */
function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const courseSettingsInput = z
  .object({
    timeZone: storableString()
      .trim()
      .min(1, 'Choose a time zone')
      .refine(isKnownTimeZone, { message: 'Unknown time zone: use an IANA name such as Europe/Berlin or America/New_York' }),
    latePolicy: z.enum(['accept', 'penalize', 'refuse'], { error: 'Choose what happens to late submissions' }),
    /** Percent, as the form shows it (its text, or a number); nothing else is read as one (true is not 1 %). */
    latePenaltyPercent: z
      .union([z.number(), z.string()], { error: 'The late penalty is a number of percent' })
      .pipe(
        z.coerce
          .number<string | number>({ error: 'The late penalty is a number of percent' })
          .min(0, 'The late penalty is between 0 and 100 %')
          .max(100, 'The late penalty is between 0 and 100 %'),
      )
      .default(0),
  })
  .refine((s) => s.latePolicy !== 'penalize' || s.latePenaltyPercent > 0, {
    path: ['latePenaltyPercent'],
    message: 'A penalty policy needs a penalty above 0 % (or choose "graded as usual")',
  });

type CourseSettingsField = 'timeZone' | 'latePolicy' | 'latePenaltyPercent';

export type UpdateCourseSettingsResult = { ok: true; course: Course } | FormRefusal<CourseSettingsField>;

/** Someone holding course.settings.edit sets the course's time zone and late policy; anyone else is refused. */
export async function updateCourseSettingsFor(db: Database, course: CurrentCourse, input: unknown): Promise<UpdateCourseSettingsResult> {
  const actor = actorIn(null, course);
  if (!can(actor, 'course.settings.edit'))
    return { ok: false, message: refusal(actor, 'course.settings.edit', course.title), fieldErrors: {} };
  const parsed = courseSettingsInput.safeParse(input);
  if (!parsed.success) return formRefusal<CourseSettingsField>(parsed.error);
  const { timeZone, latePolicy, latePenaltyPercent } = parsed.data;
  const updated = await updateCourseSettings(db, course.id, {
    timeZone,
    latePolicy,
    // A penalty only means something under `penalize`; keep 0 otherwise so the stored row is unambiguous.
    latePenalty: latePolicy === 'penalize' ? latePenaltyPercent / 100 : 0,
  });
  return { ok: true, course: updated };
}
