import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectEnrollment, selectOptionalUserByEmail, type DbHandle } from '@deltalab/db';
import { demoCourse, demoPassword, seed } from '@/server/seed';
import { signUp } from '@/server/services/auth/signUp';
import { verifyCredentials } from '@/server/services/auth/verifyCredentials';
import { createSeededDb, testDrivers } from './testDb';

describe.each(testDrivers())('auth on %s', (driver) => {
  let handle: DbHandle;

  beforeAll(async () => {
    ({ handle } = await createSeededDb(driver));
  });
  afterAll(async () => {
    await handle.close();
  });

  // Unique per run: the PostgreSQL test database is shared and never wiped.
  const run = randomUUID().slice(0, 8);
  const email = `grace-${run}@example.test`;
  const valid = { name: 'Grace Hopper', email: email.replace('grace', 'Grace'), password: 'correct horse', joinCode: demoCourse.joinCode };

  describe('signUp', () => {
    it('creates a student enrolled in the course of the join code, email lower-cased', async () => {
      const result = await signUp(handle.db, valid);
      expect(result).toMatchObject({ ok: true, email });
      const user = await selectOptionalUserByEmail(handle.db, email);
      expect(user).toMatchObject({ isAdmin: false, canCreateCourses: false, sessionVersion: 0 });
      expect(user?.passwordHash).toMatch(/^\$2[aby]\$/);
      const enrollment = await selectEnrollment(handle.db, user!.id, result.ok ? result.courseId : '');
      expect(enrollment?.role).toBe('student');
    });

    it('refuses a duplicate email whatever its case, naming the field', async () => {
      const result = await signUp(handle.db, { ...valid, email: email.toUpperCase() });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors.email).toMatch(/already exists/);
    });

    it('refuses a wrong join code with its own message', async () => {
      const result = await signUp(handle.db, { ...valid, email: `other-${run}@example.test`, joinCode: 'NOPE-123' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors.joinCode).toBe('No course has the join code "NOPE-123". Check it with your instructor.');
    });

    it('says which field of a malformed sign-up is wrong and why', async () => {
      const result = await signUp(handle.db, { name: '', email: 'not-an-email', password: 'short', joinCode: '' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.fieldErrors).toEqual({
        name: 'Enter your name',
        email: 'Enter a valid email address, like name@example.com',
        password: 'Password must be at least 8 characters',
        joinCode: 'Enter the join code your instructor gave you',
      });
      // With the rest right, an empty join code is refused unless the email was added to a roster.
      expect(await signUp(handle.db, { ...valid, email: `no-code-${run}@example.test`, joinCode: '' })).toMatchObject({
        ok: false,
        fieldErrors: { joinCode: 'Enter the join code your instructor gave you' },
      });
    });

    it('treats a non-object body as malformed instead of crashing', async () => {
      const result = await signUp(handle.db, 'garbage');
      expect(result).toEqual({
        ok: false,
        message: "The form's data is not what this form sends: Invalid input: expected object, received string.",
        fieldErrors: {},
      });
    });

    it('refuses text the database cannot store (NUL, a lone surrogate) by field, and creates no account', async () => {
      const email = `nul-${Date.now()}@example.com`;
      const form = { name: 'Nul\u0000Name', email, password: 'long-enough-1', joinCode: 'DELTA-FFN' };
      expect(await signUp(handle.db, form)).toEqual({
        ok: false,
        message: 'Please correct the highlighted fields.',
        fieldErrors: { name: "This field's text may not contain the NUL character (\\u0000)." },
      });
      expect(await signUp(handle.db, { ...form, name: 'Lone \ud800' })).toMatchObject({
        fieldErrors: { name: expect.stringContaining('lone UTF-16 surrogate') },
      });
      expect(await selectOptionalUserByEmail(handle.db, email)).toBeUndefined();
    });
  });

  describe('verifyCredentials', () => {
    it('accepts the demo student with the documented password', async () => {
      const result = await verifyCredentials(handle.db, { email: 'student1@deltalab.test', password: demoPassword });
      expect(result).toMatchObject({ ok: true, user: { email: 'student1@deltalab.test', sessionVersion: expect.any(Number) } });
    });

    it('tells a wrong password from an unknown email', async () => {
      const wrong = await verifyCredentials(handle.db, { email: 'student1@deltalab.test', password: 'nope' });
      expect(wrong).toMatchObject({ ok: false, reason: 'wrong-password', message: 'Wrong password for this account. Try again.' });
      const unknown = await verifyCredentials(handle.db, { email: 'ghost@deltalab.test', password: 'x' });
      expect(unknown).toMatchObject({ ok: false, reason: 'unknown-email' });
      if (!unknown.ok) expect(unknown.message).toContain('ghost@deltalab.test');
    });

    it('rejects an empty form with a message, not an exception', async () => {
      expect(await verifyCredentials(handle.db, {})).toMatchObject({ ok: false, reason: 'invalid-input' });
    });
  });

  describe('seed', () => {
    it('is idempotent: a second run creates nothing new', async () => {
      const again = await seed(handle.db);
      expect(again.created).toBe(false);
      expect(again.exerciseCount).toBeGreaterThan(0);
    });
  });
});
