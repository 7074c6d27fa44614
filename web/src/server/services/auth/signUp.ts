import { z } from 'zod';
import { enrollUser, insertUser, selectCourseByJoinCode, selectOptionalUserByEmail, type Database } from '@deltalab/db';
import { joinCodeInput, unknownJoinCode } from '../courses/joinCourse';
import { storableString } from '../../storableText';
import { formRefusal, type FormRefusal } from '../forms/formRefusal';
import { hashPassword } from './passwords';

const signUpInput = z.object({
  name: storableString().trim().min(1, 'Enter your name').max(100, 'Name must be at most 100 characters'),
  email: storableString()
    .trim()
    .toLowerCase()
    .min(1, 'Enter your email address')
    .max(254, 'Email must be at most 254 characters')
    .email('Enter a valid email address, like name@example.com'),
  password: storableString().min(8, 'Password must be at least 8 characters').max(200, 'Password must be at most 200 characters'),
  joinCode: joinCodeInput,
});

export type SignUpField = keyof z.infer<typeof signUpInput>;

export type SignUpResult = { ok: true; userId: string; courseId: string; email: string } | FormRefusal<SignUpField>;

/** Creates a student account and enrolls it in the course whose join code was given. */
export async function signUp(db: Database, input: unknown): Promise<SignUpResult> {
  const parsed = signUpInput.safeParse(input);
  if (!parsed.success) return formRefusal<SignUpField>(parsed.error);
  const { name, email, password, joinCode } = parsed.data;

  const course = await selectCourseByJoinCode(db, joinCode);
  if (!course) return unknownJoinCode(joinCode);
  const duplicate = {
    ok: false as const,
    message: 'That email is already registered.',
    fieldErrors: { email: `An account with ${email} already exists. Sign in instead.` },
  };
  if (await selectOptionalUserByEmail(db, email)) return duplicate;

  const passwordHash = await hashPassword(password);
  // insertUser returns null when the email was taken meanwhile (two sign-ups at once): the unique index decides.
  const userId = await db.transaction(async (tx) => {
    const user = await insertUser(tx, { email, name, passwordHash, role: 'student' });
    if (!user) return null;
    await enrollUser(tx, { userId: user.id, courseId: course.id, role: 'student' });
    return user.id;
  });
  if (!userId) return duplicate;
  return { ok: true, userId, courseId: course.id, email };
}
