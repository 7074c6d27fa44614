import { redirect } from 'next/navigation';
import { can } from '@/server/auth/permissions';
import { getSessionUser } from '@/server/auth/session';
import { getDb } from '@/server/db';
import { getCurrentCourse } from '@/server/services/courses/getCurrentCourse';

/** The start: the course one works in; an administrator in no course, the users page; anyone else, sign in. */
export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect('/signin');
  const adminWithoutCourse = can({ site: user, course: null }, 'admin.users') && !(await getCurrentCourse(await getDb(), user.id));
  redirect(adminWithoutCourse ? '/admin/users' : '/course');
}
