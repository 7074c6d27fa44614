import type { CourseRole } from '@deltalab/db';

/**
 * LMS roles (LTI 1.3 `roles` claim, LIS vocabulary) → the course's roles. A teaching assistant is a sub-role of
 * Instructor (`membership/Instructor#TeachingAssistant`; Canvas and Moodle also send the context role
 * `membership#TeachingAssistant` or the short name), so it is looked at first: a TA is never made an instructor.
 * Instructor (and the LMS's content developers and course administrators, who Canvas and Moodle make editing
 * teachers) → instructor; Learner → student. Institution or system roles alone give nothing in a course.
 */
const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership';

const teachingAssistant = [`${MEMBERSHIP}/Instructor#TeachingAssistant`, `${MEMBERSHIP}#TeachingAssistant`, 'TeachingAssistant'];
const instructor = [`${MEMBERSHIP}#Instructor`, `${MEMBERSHIP}#ContentDeveloper`, `${MEMBERSHIP}#Administrator`, 'Instructor'];
const learner = [`${MEMBERSHIP}#Learner`, `${MEMBERSHIP}/Learner#Learner`, 'Learner'];

/** The course role for a member's LMS roles; null when none of them is a course role Deltalab knows. */
export function courseRoleOfLti(roles: readonly string[]): CourseRole | null {
  if (roles.some((r) => teachingAssistant.includes(r))) return 'teaching-assistant';
  if (roles.some((r) => instructor.includes(r))) return 'instructor';
  if (roles.some((r) => learner.includes(r))) return 'student';
  return null;
}
