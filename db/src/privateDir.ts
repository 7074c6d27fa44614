import { chmodSync, mkdirSync } from 'node:fs';

/**
 * Makes a folder only its owner can enter (0700), creating it if need be, and tightening one an earlier version made
 * with the umask's 0755: the embedded database, its secret and its backups hold every course's data, and the grading
 * children (which run student and instructor code) run as another user when the server is root.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}
