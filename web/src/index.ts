/**
 * web's public entry: what another package may import. Only the authorization policy (pure data and functions): the
 * e2e authorization matrix takes its visitors' expectations from it.
 */
export {
  can,
  coursePermissions,
  courseRoles,
  sitePermissions,
  type Actor,
  type CoursePermission,
  type Permission,
  type SitePermission,
} from './server/auth/permissions';
