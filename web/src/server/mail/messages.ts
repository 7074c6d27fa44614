import { roleName } from '@/server/auth/permissions';
import type { CourseRole } from '@deltalab/db';
import type { MailMessage } from './mailer';

const hours = (ms: number) => Math.round(ms / 3_600_000);

export function passwordLinkMail(input: {
  to: string;
  name: string;
  url: string;
  validForMs: number;
  purpose: 'set-password' | 'reset';
}): MailMessage {
  const first = input.purpose === 'set-password';
  return {
    to: input.to,
    subject: first ? 'Set your Deltalab password' : 'Reset your Deltalab password',
    text: [
      `Hello ${input.name},`,
      '',
      first
        ? 'An account was made for you on Deltalab. Choose its password here:'
        : 'A password reset was requested for your Deltalab account. Choose a new password here:',
      '',
      input.url,
      '',
      `The link works once, for ${hours(input.validForMs)} hours. If you did not expect it, ignore this email.`,
    ].join('\n'),
  };
}

export function invitationMail(input: { to: string; courseTitle: string; role: CourseRole; url: string; invitedBy: string }): MailMessage {
  return {
    to: input.to,
    subject: `You are invited to ${input.courseTitle} on Deltalab`,
    text: [
      'Hello,',
      '',
      `${input.invitedBy} added you to ${input.courseTitle} as ${roleName(input.role)}. Create your account (or sign in) here:`,
      '',
      input.url,
      '',
      'Signing in with GitHub or Google under this email address works too.',
    ].join('\n'),
  };
}
