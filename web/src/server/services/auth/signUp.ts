import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { courses, enrollments, users, type Database } from '@deltalab/db';
import { hashPassword } from './passwords';

export const signUpInput = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(100, 'Name must be at most 100 characters'),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter your email address')
    .max(254, 'Email must be at most 254 characters')
    .email('Enter a valid email address, like name@example.com'),
  password: z
    .string()
    .min(8, 'Password must be at least 8 characters')
    .max(200, 'Password must be at most 200 characters'),
  joinCode: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, 'Enter the join code your instructor gave you')
    .max(32, 'Join codes are at most 32 characters'),
});

export type SignUpInput = z.input<typeof signUpInput>;
export type SignUpField = keyof z.infer<typeof signUpInput>;

export type SignUpResult =
  | { ok: true; userId: string; courseId: string; email: string }
  | { ok: false; message: string; fieldErrors: Partial<Record<SignUpField, string>> };

const uniqueViolation = '23505';

/** Creates a student account and enrolls it in the course whose join code was given. */
export async function signUp(db: Database, input: unknown): Promise<SignUpResult> {
  const parsed = signUpInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<SignUpField, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as SignUpField | undefined;
      if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors };
  }
  const { name, email, password, joinCode } = parsed.data;

  const [course] = await db.select({ id: courses.id }).from(courses).where(eq(courses.joinCode, joinCode)).limit(1);
  if (!course) {
    return {
      ok: false,
      message: 'That join code does not match any course.',
      fieldErrors: { joinCode: `No course has the join code "${joinCode}". Check it with your instructor.` },
    };
  }
  const duplicate = { ok: false as const, message: 'That email is already registered.', fieldErrors: { email: `An account with ${email} already exists. Sign in instead.` } };
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (existing) return duplicate;

  const passwordHash = await hashPassword(password);
  try {
    const userId = await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email, name, passwordHash, role: 'student' }).returning({ id: users.id });
      if (!user) throw new Error('insert into users returned no row');
      await tx.insert(enrollments).values({ userId: user.id, courseId: course.id, role: 'student' });
      return user.id;
    });
    return { ok: true, userId, courseId: course.id, email };
  } catch (error) {
    // Two sign-ups with the same email at once: the unique index decides.
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === uniqueViolation) return true;
  }
  return false;
}
