const placeholder = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * The longest statement a variant may fill in to (characters of Markdown): twice the longest statement.md the site
 * takes. A template of many placeholders, each filled with a long display() string, must not grow into megabytes
 * that every page of the exercise renders.
 */
const MAX_FILLED_STATEMENT_CHARS = 200_000;

/** Names of the {{placeholders}} in a statement template. */
export function statementPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((m) => m[1] as string))];
}

/** Fills {{name}} from `values`; an unknown name is an authoring error, and so is a result over the limit: both throw. */
export function fillStatement(template: string, values: Record<string, string>): string {
  let length = template.length;
  for (const match of template.matchAll(placeholder)) {
    const value = values[match[1] as string];
    if (value === undefined) throw new Error(`statement placeholder {{${match[1]}}} has no value`);
    length += value.length - match[0].length;
    if (length > MAX_FILLED_STATEMENT_CHARS)
      throw new Error(
        `the statement filled in with display()'s values is longer than ${MAX_FILLED_STATEMENT_CHARS} characters: shorten the statement or what display() gives`,
      );
  }
  return template.replace(placeholder, (_match, name: string) => values[name]!);
}
