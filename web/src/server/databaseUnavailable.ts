/**
 * Errors that mean "the database is not answering right now" (restarting, unreachable, refusing connections), as
 * postgres.js and PostgreSQL report them, possibly wrapped (drizzle's DrizzleQueryError keeps the driver's error as
 * its cause). The API answers these 503 with Retry-After instead of 500: the client should simply try again.
 */
const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/** SQLSTATE class 08 (connection exception), 57P01–57P03 (shutting down, crash recovery, cannot connect now), 53300. */
const unavailableSqlState = /^(08...|57P0[123]|53300)$/;

function isDatabaseUnavailable(error: unknown): boolean {
  return hasErrorCode(error, (code) => connectionErrorCodes.has(code) || unavailableSqlState.test(code));
}

/** Seconds a client should wait before trying again: a restart of PostgreSQL takes a few. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The database's disk is full (SQLSTATE 53100, or the operating system's ENOSPC). PostgreSQL and PGlite refuse the
 * write and keep what they hold intact; the API says so with 507 instead of a 500.
 */
function isDiskFull(error: unknown): boolean {
  return hasErrorCode(error, (code) => code === '53100' || code === 'ENOSPC');
}

/**
 * Text PostgreSQL cannot store or compare (a NUL byte in a URL segment or query parameter: SQLSTATE 22021, or 22P05 in
 * JSON). Bodies are checked before this (readJson); this catches what reaches a query from elsewhere, for every route.
 */
function isUnstorableText(error: unknown): boolean {
  return hasErrorCode(error, (code) => code === '22021' || code === '22P05');
}

/** Whether the error, or one it wraps (drizzle keeps the driver's error as `cause`), carries a code that matches. */
function hasErrorCode(error: unknown, matches: (code: string) => boolean): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && matches(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** What a request that met a database fault is told: a status for the API, and a message for the API and forms. */
export interface DatabaseFault {
  status: 400 | 503 | 507;
  code: 'invalid-request' | 'database-unavailable' | 'disk-full';
  message: string;
  retryAfterSeconds?: number;
}

/**
 * The fault behind an error from the database, or null for any other error (a bug: the caller logs it and answers
 * 500). `where` names the caller in the log line the server-side faults leave (one line per refused request).
 */
export function databaseFault(error: unknown, where = 'API'): DatabaseFault | null {
  // The driver's own error (drizzle wraps it with the whole query).
  const driverMessage = () => ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
  if (isUnstorableText(error)) {
    return {
      status: 400,
      code: 'invalid-request',
      message: 'The request holds a character that no name or id here can contain (such as NUL, %00); nothing was stored.',
    };
  }
  if (isDiskFull(error)) {
    console.error(`${where}: the database disk is full:`, driverMessage());
    return {
      status: 507,
      code: 'disk-full',
      message:
        "The server's disk is full, so nothing new can be stored: this request was not saved. Everything stored before is safe. Please tell your instructor.",
    };
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`${where}: the database is unavailable:`, driverMessage());
    return {
      status: 503,
      code: 'database-unavailable',
      message: `The database is not answering (it may be restarting). Nothing was stored; try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  return null;
}
