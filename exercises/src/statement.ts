const placeholder = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Names of the {{placeholders}} in a statement template. */
export function statementPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((m) => m[1] as string))];
}

/** Fills {{name}} from `values`; an unknown name is an authoring error, so it throws. */
export function fillStatement(template: string, values: Record<string, string>): string {
  return template.replace(placeholder, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`statement placeholder {{${name}}} has no value`);
    return value;
  });
}
