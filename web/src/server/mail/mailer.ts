import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/env';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

let transport: Transporter | undefined;

/** Whether the site sends email (SMTP_URL is set): links then go by email instead of being shown to whoever issued them. */
export function mailEnabled(): boolean {
  return env.SMTP_URL !== undefined;
}

function sender(): string {
  if (env.SMTP_FROM) return env.SMTP_FROM;
  const host = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).hostname : 'localhost';
  return `Deltalab <deltalab@${host}>`;
}

/** Sends one email through SMTP_URL's server; throws with the server's reason when it refuses. */
export async function sendMail(message: MailMessage): Promise<void> {
  if (!env.SMTP_URL) throw new Error('SMTP_URL is not set: this site sends no email.');
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: sender(), ...message });
}
