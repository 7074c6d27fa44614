import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ensurePrivateDir, resolveDataDir } from '@deltalab/db';

/**
 * The one place that reads process.env. Everything else imports `env` (validated once, at first import)
 * or one of the helpers below.
 */
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    DELTALAB_DATA_DIR: optionalString,
    AUTH_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(16, 'AUTH_SECRET must be at least 16 characters (try: openssl rand -base64 32)').optional(),
    ),
    NEXTAUTH_URL: optionalString,
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
    GITHUB_ID: optionalString,
    GITHUB_SECRET: optionalString,
    GOOGLE_ID: optionalString,
    GOOGLE_SECRET: optionalString,
    /**
     * 0: this server grades nothing (dedicated `grader:worker` processes do, on PostgreSQL). With the embedded database
     * no other process can, so grading is paused: submissions are stored and graded once a server starts without it.
     */
    DELTALAB_INPROCESS_WORKERS: z.preprocess(emptyAsUndefined, z.enum(['0', '1']).optional()),
    /** Grading child processes per grading process (the web server's, each `npm run grader:worker`). Default 2. */
    DELTALAB_GRADING_CHILDREN: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(64).default(2)),
    /** Isolates (submissions graded at once) in each grading child. Default 2. */
    DELTALAB_GRADING_ISOLATES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(16).default(2)),
    /** OS ceiling on each grading child's writable memory, MB (RLIMIT_DATA). Default 1536. */
    DELTALAB_GRADING_CHILD_MEMORY_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(512).max(65536).default(1536)),
    /** Whom grading children run as when the server runs as root: a user name or uid, never root. Default nobody. */
    DELTALAB_GRADING_USER: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[a-z_][a-z0-9_-]*$|^\d+$/i, 'DELTALAB_GRADING_USER is a user name or a uid')
        .refine((user) => user !== 'root' && user !== '0', 'DELTALAB_GRADING_USER may not be root: grading children run untrusted code')
        .optional(),
    ),
    /** Submissions per student per window, as "max/seconds" (default 5 per 60 s). */
    SUBMISSION_RATE_LIMIT: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^\d+\/\d+$/, 'SUBMISSION_RATE_LIMIT must look like "5/60" (at most 5 submissions per 60 seconds)')
        .default('5/60'),
    ),
    /**
     * The demo course and its accounts (known passwords): '1' creates them at start, '0' does not. Default: on with the
     * embedded database (`npm start` on a fresh machine), off on PostgreSQL — a real server gets nothing demo unasked.
     */
    DELTALAB_DEMO: z.preprocess(emptyAsUndefined, z.enum(['0', '1'], { error: 'DELTALAB_DEMO must be 0 or 1' }).optional()),
    /** Reset links and invitations go by email through this server: smtp://user:password@host:587 or smtps://…:465. */
    SMTP_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.edu:587')
        .optional(),
    ),
    /** The sender of those emails, e.g. "Deltalab <deltalab@example.edu>". Default: deltalab@ the site's host. */
    SMTP_FROM: optionalString,
    /** The load benchmark's breakdown (LOAD_BREAKDOWN=1): a file each stage of a submission appends its figures to. */
    DELTALAB_BREAKDOWN: optionalString,
    NEXT_PHASE: optionalString,
  })
  .refine((e) => !e.SMTP_URL || e.NEXTAUTH_URL, {
    path: ['NEXTAUTH_URL'],
    message: 'SMTP_URL is set, so NEXTAUTH_URL must be too: the links in the emails point at the site’s public address',
  });

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv();

// next-auth v4 reads its base URL from process.env itself; without NEXTAUTH_URL it must trust the Host header,
// otherwise every callback points at localhost:3000 whatever PORT is.
if (!env.NEXTAUTH_URL && !process.env.AUTH_TRUST_HOST) process.env.AUTH_TRUST_HOST = 'true';

/** Embedded mode: no DATABASE_URL, PGlite on a local data directory. */
export const isEmbeddedDb = env.DATABASE_URL === undefined;

/** True while `next build` runs: nothing may touch the database or the data directory then. */
export const isBuildPhase = env.NEXT_PHASE === 'phase-production-build';

/** Data directory (PGlite files under pglite/, the generated auth secret). Default: `.data/` at the repository root. */
export const dataDir: string = resolveDataDir({ dataDir: env.DELTALAB_DATA_DIR });

const [rateMax, rateSeconds] = env.SUBMISSION_RATE_LIMIT.split('/').map(Number) as [number, number];
export const submissionRateLimit = { max: rateMax, windowMs: rateSeconds * 1000 };

export const oauthProviders = {
  github: env.GITHUB_ID && env.GITHUB_SECRET ? { clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET } : null,
  google: env.GOOGLE_ID && env.GOOGLE_SECRET ? { clientId: env.GOOGLE_ID, clientSecret: env.GOOGLE_SECRET } : null,
};

/** Whether this start creates the demo course and accounts (DELTALAB_DEMO, else only with the embedded database). */
export const demoWanted: boolean = env.DELTALAB_DEMO ? env.DELTALAB_DEMO === '1' : isEmbeddedDb;

let authSecret: string | undefined;

/**
 * AUTH_SECRET when set. In the embedded mode a missing secret is generated once and kept in the data
 * directory so `npm start` just works; with a real Postgres in production it is a startup error.
 */
export function getAuthSecret(): string {
  if (authSecret) return authSecret;
  if (env.AUTH_SECRET) return (authSecret = env.AUTH_SECRET);
  if (!isEmbeddedDb && env.NODE_ENV === 'production') {
    throw new Error(
      'AUTH_SECRET is not set. With DATABASE_URL in production, set AUTH_SECRET to a random string of at least ' +
        '16 characters (e.g. `export AUTH_SECRET=$(openssl rand -base64 32)`).',
    );
  }
  const file = join(dataDir, 'auth-secret');
  // The folder is the database's, 0700 (see ensurePrivateDir); the secret is 0600 inside it.
  ensurePrivateDir(dataDir);
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 16) return (authSecret = stored);
  }
  const generated = randomBytes(32).toString('base64url');
  writeFileSync(file, generated + '\n', { mode: 0o600 });
  return (authSecret = generated);
}
