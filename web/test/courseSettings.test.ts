import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectCourseById, type DbHandle } from '@deltalab/db';
import { makeEnrolledUser } from '@deltalab/db/test';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';
import { updateCourseSettingsFor } from '@/server/services/courses/updateCourseSettings';
import type { SeedResult } from '@/server/seed';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';

describe.each(testDrivers())('course settings on %s', (driver: TestDriver) => {
  let handle: DbHandle;
  let seeded: SeedResult;
  let instructorId: string;

  beforeAll(async () => {
    ({ handle, seeded } = await createSeededDb(driver));
    instructorId = seeded.userIds['instructor@deltalab.test']!;
  });
  afterAll(async () => {
    await handle.close();
  });
  /** The seeded course as this member sees it (their role in it decides). */
  const courseOf = async (userId: string) => (await getCurrentCourse(handle.db, userId))!;

  it('the seeded course shows due dates in UTC and grades late work as usual', async () => {
    expect(await getCurrentCourse(handle.db, seeded.userIds['student1@deltalab.test']!)).toMatchObject({
      timeZone: 'UTC',
      latePolicy: 'accept',
      latePenalty: 0,
    });
  });

  it('an instructor sets a time zone and a late penalty (percent on the form, a fraction stored)', async () => {
    const saved = await updateCourseSettingsFor(handle.db, await courseOf(instructorId), {
      timeZone: ' America/New_York ',
      latePolicy: 'penalize',
      latePenaltyPercent: '25',
    });
    expect(saved).toMatchObject({ ok: true, course: { timeZone: 'America/New_York', latePolicy: 'penalize', latePenalty: 0.25 } });
    const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    expect(await getCurrentCourse(handle.db, student.id)).toMatchObject({
      timeZone: 'America/New_York',
      latePolicy: 'penalize',
      latePenalty: 0.25,
    });

    // Refusing late work keeps no stray penalty.
    const refuse = await updateCourseSettingsFor(handle.db, await courseOf(instructorId), {
      timeZone: 'UTC',
      latePolicy: 'refuse',
      latePenaltyPercent: 40,
    });
    expect(refuse).toMatchObject({ ok: true, course: { timeZone: 'UTC', latePolicy: 'refuse', latePenalty: 0 } });
    await updateCourseSettingsFor(handle.db, await courseOf(instructorId), { timeZone: 'UTC', latePolicy: 'accept' });
  });

  it('bad settings get a message per field and change nothing', async () => {
    const before = await selectCourseById(handle.db, seeded.courseId);
    const zone = await updateCourseSettingsFor(handle.db, await courseOf(instructorId), {
      timeZone: 'Mars/Olympus_Mons',
      latePolicy: 'accept',
    });
    expect(zone).toEqual({
      ok: false,
      message: 'Please correct the highlighted fields.',
      fieldErrors: { timeZone: 'Unknown time zone: use an IANA name such as Europe/Berlin or America/New_York' },
    });
    const policy = await updateCourseSettingsFor(handle.db, await courseOf(instructorId), { timeZone: 'UTC', latePolicy: 'sometimes' });
    expect(policy).toMatchObject({ ok: false, fieldErrors: { latePolicy: 'Choose what happens to late submissions' } });
    const tooMuch = await updateCourseSettingsFor(handle.db, await courseOf(instructorId), {
      timeZone: 'UTC',
      latePolicy: 'penalize',
      latePenaltyPercent: 150,
    });
    expect(tooMuch).toMatchObject({ ok: false, fieldErrors: { latePenaltyPercent: 'The late penalty is between 0 and 100 %' } });
    const none = await updateCourseSettingsFor(handle.db, await courseOf(instructorId), {
      timeZone: 'UTC',
      latePolicy: 'penalize',
      latePenaltyPercent: 0,
    });
    expect(none).toMatchObject({ ok: false, fieldErrors: { latePenaltyPercent: expect.stringContaining('needs a penalty above 0 %') } });
    const notANumber = await updateCourseSettingsFor(handle.db, await courseOf(instructorId), {
      timeZone: 'UTC',
      latePolicy: 'penalize',
      latePenaltyPercent: 'lots',
    });
    expect(notANumber).toMatchObject({ ok: false, fieldErrors: { latePenaltyPercent: 'The late penalty is a number of percent' } });
    expect(await selectCourseById(handle.db, seeded.courseId)).toEqual(before);
  });

  it('a penalty no form sends (true, null, Infinity, NaN) is no number of percent; a zone with NUL is named', async () => {
    const before = await selectCourseById(handle.db, seeded.courseId);
    for (const latePenaltyPercent of [true, null, {}, Infinity, NaN, 'Infinity']) {
      const refused = await updateCourseSettingsFor(handle.db, await courseOf(instructorId), {
        timeZone: 'UTC',
        latePolicy: 'penalize',
        latePenaltyPercent,
      });
      expect(refused, String(latePenaltyPercent)).toEqual({
        ok: false,
        message: 'Please correct the highlighted fields.',
        fieldErrors: { latePenaltyPercent: 'The late penalty is a number of percent' },
      });
    }
    expect(
      await updateCourseSettingsFor(handle.db, await courseOf(instructorId), { timeZone: 'UTC\u0000', latePolicy: 'accept' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { timeZone: "This field's text may not contain the NUL character (\\u0000)." },
    });
    expect(await selectCourseById(handle.db, seeded.courseId)).toEqual(before);
  });

  it('a student of the course may not change them', async () => {
    const student = await makeEnrolledUser(handle.db, seeded.courseId, 'student');
    const before = await selectCourseById(handle.db, seeded.courseId);
    const refused = await updateCourseSettingsFor(handle.db, await courseOf(student.id), { timeZone: 'UTC', latePolicy: 'refuse' });
    expect(refused).toEqual({
      ok: false,
      message: 'Only an instructor of Deep Learning: Feed-Forward Networks can change its settings.',
      fieldErrors: {},
    });
    expect(await selectCourseById(handle.db, seeded.courseId)).toEqual(before);
  });
});
