import bcrypt from 'bcryptjs';

// 10 rounds: ~70 ms per hash in pure JS on this hardware, enough against offline guessing for a course site.
const rounds = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, rounds);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
