import postgres from 'postgres';

/**
 * A digest of every row of every table of the site's database on PostgreSQL (the tests reach behind the site there),
 * by table: an update changes it where a row count would not. `except` leaves out tables the site writes on its own
 * meanwhile (the sign-in throttle, grading in the background).
 */
export async function tableDigests(url: string, except: readonly string[] = []): Promise<Record<string, string>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ name: string }[]>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      if (except.includes(name)) continue;
      const [row] = await sql.unsafe(
        `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d from "${name}" t`,
      );
      digests[name] = `${row!.n} rows, ${row!.d}`;
    }
    return digests;
  } finally {
    await sql.end();
  }
}
