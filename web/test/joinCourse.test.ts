import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCoursesForUser, type DbHandle } from '@deltalab/db';
import { makeUser } from '@deltalab/db/test';
import { joinCourse } from '@/server/services/courses/joinCourse';
import { createSubmission } from '@/server/services/submissions/createSubmission';
import { demoCourse, type SeedResult } from '@/server/seed';
import { createSeededDb, testDrivers, type TestDriver } from './testDb';
import { refusal } from './refusal';

describe.each(testDrivers())('joining a course on %s', (driver: TestDriver) => {
  let handle: DbHandle;
  let seeded: SeedResult;
  beforeAll(async () => {
    ({ handle, seeded } = await createSeededDb(driver));
  });
  afterAll(async () => {
    await handle.close();
  });

  it('an account without a course (as GitHub or Google sign-in makes) cannot submit, then joins with the code and can', async () => {
    const user = await makeUser(handle.db);
    const body = { exercise: 'perceptron-forward', answers: { y_hat: '0.5' } };
    const notEnrolled = await refusal(
      createSubmission(handle.db, { userId: user.id, body, queue: { sameStatement: null, queued: () => {} } }),
    );
    expect([notEnrolled.status, notEnrolled.code, notEnrolled.message]).toEqual([
      403,
      'not-enrolled',
      'You are not enrolled in a course: join one with its join code on /course first.',
    ]);

    // Codes are matched case-insensitively, surrounding spaces ignored.
    const joined = await joinCourse(handle.db, user.id, { joinCode: `  ${demoCourse.joinCode.toLowerCase()} ` });
    expect(joined).toEqual({ ok: true, courseId: seeded.courseId, title: demoCourse.title });
    expect((await listCoursesForUser(handle.db, user.id)).map((c) => [c.id, c.role])).toEqual([[seeded.courseId, 'student']]);
    await expect(
      createSubmission(handle.db, { userId: user.id, body, queue: { sameStatement: null, queued: () => {} } }),
    ).resolves.toMatchObject({
      status: 'queued',
    });
  });

  it('a wrong or empty code, and a second course, each get their own message and change nothing', async () => {
    const user = await makeUser(handle.db);
    expect(await joinCourse(handle.db, user.id, { joinCode: 'NOPE-123' })).toEqual({
      ok: false,
      message: 'That join code does not match any course.',
      fieldErrors: { joinCode: 'No course has the join code "NOPE-123". Check it with your instructor.' },
    });
    expect(await joinCourse(handle.db, user.id, { joinCode: '   ' })).toEqual({
      ok: false,
      message: 'Please correct the highlighted fields.',
      fieldErrors: { joinCode: 'Enter the join code your instructor gave you' },
    });
    expect(await joinCourse(handle.db, user.id, {})).toMatchObject({ ok: false, fieldErrors: { joinCode: expect.any(String) } });
    // Text PostgreSQL cannot compare is refused by the field, before a query could fail on it.
    expect(await joinCourse(handle.db, user.id, { joinCode: 'DELTA\u0000FFN' })).toEqual({
      ok: false,
      message: 'Please correct the highlighted fields.',
      fieldErrors: { joinCode: "This field's text may not contain the NUL character (\\u0000)." },
    });
    expect(await listCoursesForUser(handle.db, user.id)).toEqual([]);

    await joinCourse(handle.db, user.id, { joinCode: demoCourse.joinCode });
    expect(await joinCourse(handle.db, user.id, { joinCode: demoCourse.joinCode })).toEqual({
      ok: false,
      message: `You are already enrolled in ${demoCourse.title}.`,
      fieldErrors: {},
    });
  });
});
