import type { DefaultSession } from 'next-auth';

export type SiteRole = 'student' | 'instructor' | 'admin';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: SiteRole; email: string; name: string } & Omit<DefaultSession['user'], 'email' | 'name'>;
  }
  interface User {
    role?: SiteRole;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: SiteRole;
  }
}
