import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: {
      id: string;
      email: string;
      name: string;
      isAdmin: boolean;
      canCreateCourses: boolean;
      /** Set while a staff member views their course as its test student: the staff member's own account. */
      studentViewOf?: { id: string; name: string };
    } & Omit<DefaultSession['user'], 'email' | 'name'>;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The account's session version when the token was made: a raised version ends the session. */
    sv?: number;
    /** A test student's session: the staff account behind it (its version is the one checked). */
    studentViewOf?: string;
  }
}
