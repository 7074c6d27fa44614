/** A row that must exist does not; the message names the entity and the key. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`No ${entity} with ${key}`);
  }
}

export function found<T>(row: T | undefined, entity: string, key: string): T {
  if (row === undefined) throw new NotFoundError(entity, key);
  return row;
}

/**
 * True when `error` is a unique-constraint violation (optionally of the named constraint or index), whichever
 * driver raised it; drizzle wraps driver errors, so the cause chain is searched.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (candidate.code === '23505') {
      const name = candidate.constraint ?? candidate.constraint_name;
      return constraint === undefined || name === undefined || name === constraint;
    }
    e = candidate.cause;
  }
  return false;
}
