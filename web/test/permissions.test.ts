import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { can, coursePermissions, permissionsOf, refusal, rolesHolding, type Actor, type CoursePermission } from '@/server/auth/permissions';

const member = (
  role: 'instructor' | 'teaching-assistant' | 'student',
  extra: Partial<{ dropped: boolean; archived: boolean }> = {},
): Actor => ({
  site: { isAdmin: false, canCreateCourses: false },
  course: { role, dropped: false, archived: false, ...extra },
});

describe('the permission module', () => {
  it('gives teaching assistants exactly the rights the issue lists, and instructors everything', () => {
    const held = (p: CoursePermission) => can(member('teaching-assistant'), p);
    for (const p of [
      'course.dashboard.view',
      'course.submissions.view',
      'exercise.preview',
      'regrade.preview',
      'extensions.grant',
      'roster.manage',
    ] as const)
      expect(held(p), p).toBe(true);
    for (const p of ['course.settings.edit', 'exercise.author', 'exercise.publish', 'regrade.apply', 'staff.manage'] as const)
      expect(held(p), p).toBe(false);
    expect(permissionsOf('instructor')).toEqual(Object.keys(coursePermissions));
    // Students do what a class member does, nothing of the staff's.
    expect(permissionsOf('student')).toEqual(['course.view', 'submission.create']);
  });

  it('closes the course to a dropped student, and an archived course to every change', () => {
    for (const p of Object.keys(coursePermissions) as CoursePermission[]) expect(can(member('student', { dropped: true }), p)).toBe(false);
    expect(can(member('instructor', { archived: true }), 'course.dashboard.view')).toBe(true);
    expect(can(member('instructor', { archived: true }), 'course.settings.edit')).toBe(false);
    expect(can(member('student', { archived: true }), 'submission.create')).toBe(false);
    expect(can(member('student', { archived: true }), 'course.view')).toBe(true);
    expect(refusal(member('student', { dropped: true }), 'course.view', 'DL')).toBe(
      'You were dropped from DL: ask its instructor to restore you.',
    );
    expect(refusal(member('instructor', { archived: true }), 'course.settings.edit', 'DL')).toBe('DL is archived: it is read-only now.');
  });

  it('gives course rights only through a membership, and site rights only through the account', () => {
    const admin: Actor = { site: { isAdmin: true, canCreateCourses: false }, course: null };
    const creator: Actor = { site: { isAdmin: false, canCreateCourses: true }, course: null };
    expect(can(admin, 'admin.users')).toBe(true);
    expect(can(admin, 'admin.courses')).toBe(true);
    expect(can(admin, 'course.create')).toBe(true);
    expect(can(admin, 'course.dashboard.view')).toBe(false);
    expect(can(creator, 'course.create')).toBe(true);
    expect(can(creator, 'admin.users')).toBe(false);
    expect(can(member('instructor'), 'admin.users')).toBe(false);
    expect(can({ site: null, course: null }, 'course.view')).toBe(false);
    expect(refusal(member('student'), 'staff.manage', 'DL')).toBe('Only an instructor of DL can manage its staff.');
    expect(refusal(member('student'), 'roster.manage', 'DL')).toBe(
      'Only an instructor or a teaching assistant of DL can manage its roster.',
    );
    expect(rolesHolding('course.view')).toEqual(['instructor', 'teaching-assistant', 'student']);
  });
});

// `npm run lint` runs the rule over web/src; this checks that it catches what it should (and only that).
describe('the lint rule that keeps role comparisons in the permission module', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const eslint = new ESLint({ cwd: root });
  const lint = async (text: string, file: string) =>
    (await eslint.lintText(text, { filePath: `${root}${file}` }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-syntax');

  it('refuses a role compared anywhere in web/src but the permission module', async () => {
    const checks = [
      "declare const course: { role: string }; export const x = course.role === 'instructor';",
      "declare const role: string; export const x = role !== 'student';",
      "declare const enrollment: { role: string } | undefined; export const x = enrollment?.role === 'teaching-assistant';",
      "declare const c: { role: string }; export const x = ['instructor'].includes(c.role);",
      "declare const c: { role: string }; export function f() { switch (c.role) { case 'instructor': return 1; } return 0; }",
      "declare const myRole: string; export const x = myRole == 'admin';",
    ];
    for (const text of checks) expect((await lint(text, 'web/src/server/services/example.ts')).length, text).toBeGreaterThan(0);
    expect(await lint(checks[0]!, 'web/src/server/auth/permissions.ts')).toEqual([]);
    // Other comparisons pass: a regrade's scope named "student", a flag compared with undefined.
    expect(await lint("declare const kind: string; export const x = kind === 'student';", 'web/src/server/services/example.ts')).toEqual(
      [],
    );
  });
});
