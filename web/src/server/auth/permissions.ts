import type { CourseRole } from '@deltalab/db';

/**
 * Who may do what: the one table. Every route, page and server action asks `can` (usually through courseAccess.ts);
 * nothing else in web/src compares roles (eslint.config.mjs refuses it). The e2e authorization matrix reads its
 * expectations from here too (web's index exports this module), so a change of rights here is a change of the tests'
 * expectations, not a second list to keep in step.
 *
 * Pure data and functions, no server-only import: e2e imports it.
 */

/** Course roles, most rights first. */
export const courseRoles = ['instructor', 'teaching-assistant', 'student'] as const satisfies readonly CourseRole[];

/** Site-wide roles: an administrator, and an account an administrator allowed to create courses. */
type SiteRole = 'administrator' | 'course-creator';

const everyone = courseRoles;
const staff = ['instructor', 'teaching-assistant'] as const;
const instructors = ['instructor'] as const;

interface CoursePermissionRule {
  roles: readonly CourseRole[];
  /** What it lets one do, as the end of "Only … of <course> can …". */
  does: string;
  /** It changes the course: refused in an archived course (read-only) whatever the role. */
  writes?: true;
}

export const coursePermissions = {
  'course.view': { roles: everyone, does: 'see this course' },
  'submission.create': { roles: everyone, does: 'submit work', writes: true },
  /** Exercises as students will see them (unpublished and past due included), any variant, with the reference answers. */
  'exercise.preview': { roles: staff, does: 'preview its exercises' },
  'course.dashboard.view': { roles: staff, does: 'see its dashboards' },
  /** Other people's submissions and grades: the submission API, the gradebook and submission exports, the board's real names. */
  'course.submissions.view': { roles: staff, does: 'see its students’ submissions' },
  /** Start a regrade and see what it would change. */
  'regrade.preview': { roles: staff, does: 'preview regrades', writes: true },
  'roster.manage': { roles: staff, does: 'manage its roster', writes: true },
  /** An assessment's overrides: a later due date or extra time for students or a section, with the reason. */
  'extensions.grant': { roles: staff, does: 'grant extensions', writes: true },
  'course.viewAsStudent': { roles: staff, does: 'view it as a test student', writes: true },
  /** Time zone, late policy, each exercise's settings and order, a challenge's deadline and limit. */
  'course.settings.edit': { roles: instructors, does: 'change its settings', writes: true },
  'exercise.author': { roles: instructors, does: 'author its exercises', writes: true },
  /** Create and edit its assessments (homework and exams: slots, pools, dates, time limits, passwords). */
  'assessment.edit': { roles: instructors, does: 'edit its assessments', writes: true },
  /** Release an exam's scores to its students (or hide them again). */
  'assessment.release': { roles: instructors, does: 'release exam scores', writes: true },
  'exercise.publish': { roles: instructors, does: 'publish its exercises', writes: true },
  'regrade.apply': { roles: instructors, does: 'apply regrades', writes: true },
  'challenge.verify': { roles: instructors, does: 'verify challenge entries', writes: true },
  'staff.manage': { roles: instructors, does: 'manage its staff', writes: true },
  /** A one-time password link for one of the course's students (only students: not someone with rights elsewhere). */
  'student.password.reset': { roles: instructors, does: 'reset its students’ passwords' },
  /**
   * LTI (issue 20): link an LMS course to this course (or, holding it in the LMS course as its launch says, create a
   * course for it), and add this course's exercises to the LMS by deep linking.
   */
  'lti.link': { roles: instructors, does: 'link it to an LMS course', writes: true },
  'lti.deepLink': { roles: instructors, does: 'add its exercises to the LMS', writes: true },
  /** Send grades to the LMS now (the queue sends them anyway as they change) and see what was sent; an archived course too. */
  'lti.grades.send': { roles: staff, does: 'send its grades to the LMS' },
  /** Bring the roster in step with the LMS's (NRPS) now (it also runs daily). */
  'lti.roster.sync': { roles: staff, does: 'sync its roster with the LMS', writes: true },
} as const satisfies Record<string, CoursePermissionRule>;

export const sitePermissions = {
  'admin.users': { roles: ['administrator'], does: 'manage accounts' },
  'admin.courses': { roles: ['administrator'], does: 'manage courses' },
  /** LTI 1.3 platform registrations (LMSs) and the tool's keys. */
  'admin.lti': { roles: ['administrator'], does: 'register LMS platforms' },
  'course.create': { roles: ['administrator', 'course-creator'], does: 'create courses' },
} as const satisfies Record<string, { roles: readonly SiteRole[]; does: string }>;

export type CoursePermission = keyof typeof coursePermissions;
export type SitePermission = keyof typeof sitePermissions;
export type Permission = CoursePermission | SitePermission;

/** An account's site-wide rights, as the users table keeps them. */
export interface SiteRights {
  isAdmin: boolean;
  canCreateCourses: boolean;
}

/** Someone's standing in one course: their role there, whether they were dropped, whether the course is archived. */
export interface CourseStanding {
  role: CourseRole;
  dropped: boolean;
  archived: boolean;
}

/** Who asks: their site rights (null: not signed in) and their standing in the course in question (null: no member). */
export interface Actor {
  site: SiteRights | null;
  course: CourseStanding | null;
}

function siteRolesOf(site: SiteRights | null): SiteRole[] {
  if (!site) return [];
  return [...(site.isAdmin ? (['administrator'] as const) : []), ...(site.canCreateCourses ? (['course-creator'] as const) : [])];
}

function isCoursePermission(permission: Permission): permission is CoursePermission {
  return permission in coursePermissions;
}

/** The one decision: may this actor do this? */
export function can(actor: Actor, permission: Permission): boolean {
  if (!isCoursePermission(permission)) {
    const holders: readonly SiteRole[] = sitePermissions[permission].roles;
    return siteRolesOf(actor.site).some((role) => holders.includes(role));
  }
  const standing = actor.course;
  if (!standing || standing.dropped) return false;
  const rule: CoursePermissionRule = coursePermissions[permission];
  if (rule.writes && standing.archived) return false;
  return rule.roles.includes(standing.role);
}

/** `can` for a course permission, from someone's standing in the course alone. */
export function courseCan(standing: CourseStanding | null, permission: CoursePermission): boolean {
  return can({ site: null, course: standing }, permission);
}

/** The course roles that hold a permission (for pages that list who may do what). */
export function rolesHolding(permission: CoursePermission): readonly CourseRole[] {
  return coursePermissions[permission].roles;
}

const roleNames: Record<CourseRole, string> = { instructor: 'instructor', 'teaching-assistant': 'teaching assistant', student: 'student' };

/** A role as people say it: "teaching assistant". */
export function roleName(role: CourseRole): string {
  return roleNames[role];
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/**
 * Why the actor may not: the sentence a refusal shows. "Only an instructor of Deep Learning can change its settings."
 * A dropped student and an archived course are told that instead.
 */
export function refusal(actor: Actor, permission: Permission, courseTitle = 'this course'): string {
  if (!isCoursePermission(permission)) {
    const rule = sitePermissions[permission];
    return `Only ${rule.roles.map((r) => (r === 'administrator' ? 'an administrator' : 'someone an administrator allowed')).join(' or ')} can ${rule.does}.`;
  }
  if (actor.course?.dropped) return `You were dropped from ${courseTitle}: ask its instructor to restore you.`;
  const rule: CoursePermissionRule = coursePermissions[permission];
  if (actor.course && rule.writes && actor.course.archived && rule.roles.includes(actor.course.role))
    return `${courseTitle} is archived: it is read-only now.`;
  return `Only ${rule.roles.map((r) => article(roleName(r))).join(' or ')} of ${courseTitle} can ${rule.does}.`;
}

/** The roles whose grades go to the LMS (AGS): those who submit work and are not course staff. */
export function gradedRoles(): CourseRole[] {
  return courseRoles.filter((role) => !isStaffRole(role) && coursePermissions['submission.create'].roles.includes(role));
}

/** Whether a role is on a course's staff (every role but student): the staff page manages those, the roster the rest. */
export function isStaffRole(role: CourseRole): boolean {
  return role !== 'student';
}

/** A course always keeps at least one member in the role that manages its staff: the last one cannot leave it. */
export function isLastKeeper(role: CourseRole, keepersLeft: number): boolean {
  return coursePermissions['staff.manage'].roles.includes(role as 'instructor') && keepersLeft <= 1;
}

/**
 * LTI: the role a member should have after the LMS said `fromLms` (a launch, the roster sync), or null to leave it: it
 * is already that, or it would take away the course's last keeper of its staff.
 */
export function roleFromLms(current: CourseRole | null, fromLms: CourseRole, keepersLeft: number): CourseRole | null {
  if (current === fromLms) return null;
  if (current && isLastKeeper(current, keepersLeft)) return null;
  return fromLms;
}

/** The course permissions a role holds (in the table's order). */
export function permissionsOf(role: CourseRole): CoursePermission[] {
  return (Object.keys(coursePermissions) as CoursePermission[]).filter((p) => rolesHolding(p).includes(role));
}
