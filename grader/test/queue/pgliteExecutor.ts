import { PGlite } from '@electric-sql/pglite';

/**
 * The same adapter @deltalab/db exposes (the grader may not import db): parameterised queries go through
 * `query`, multi-statement scripts (pg-boss's schema, its BEGIN…COMMIT blocks) through `exec`.
 */
export async function createPgliteExecutor() {
  const pglite = await PGlite.create();
  const executeSql = async (text: string, values?: unknown[]) => {
    if (values && values.length > 0) return { rows: (await pglite.query(text, values)).rows };
    try {
      const results = await pglite.exec(text);
      return { rows: results[results.length - 1]?.rows ?? [] };
    } catch (error) {
      await pglite.exec('ROLLBACK').catch(() => {});
      throw error;
    }
  };
  return { pglite, executeSql };
}
