import type { AuthoringFormState } from '@/lib/authoring/formState';

/** What the API takes for each kind (the form's other inputs are left out). */
export function authoringRequestBody(form: AuthoringFormState) {
  const common = {
    slug: form.slug,
    title: form.title,
    topic: form.topic,
    order: form.order,
    points: form.points,
    summary: form.summary,
    statement: form.statement,
    variants: form.variants,
    reference: form.reference,
  };
  if (form.kind === 'files') return { kind: 'files', slug: form.slug, files: form.files };
  if (form.kind === 'numeric') return { ...common, kind: 'numeric', carriedCredit: form.carriedCredit, fields: form.fields };
  const { entries, typeDeclarations, usesTf, starter, cases, mistakes, solution, knownWrong, knownWrongMistake } = form;
  return { ...common, kind: 'code', entries, typeDeclarations, usesTf, starter, cases, mistakes, solution, knownWrong, knownWrongMistake };
}

/** The form's text fields, as the files they become. */
type TextField = 'statement' | 'variants' | 'reference' | 'starter' | 'cases' | 'mistakes' | 'solution' | 'knownWrong';

const numericFiles: [TextField, string][] = [
  ['statement', 'statement.md'],
  ['variants', 'variants.ts'],
  ['reference', 'reference.ts'],
];
const codeFiles: [TextField, string][] = [
  ...numericFiles,
  ['starter', 'starter.ts'],
  ['cases', 'cases.ts'],
  ['mistakes', 'mistakes.ts'],
  ['solution', 'solution.ts'],
  ['knownWrong', 'known-wrong.ts'],
];

/** The file tabs: [key, file name]. A folder of files (imported) has its own names as both. */
export function fileTabsOf(form: AuthoringFormState): [string, string][] {
  if (form.kind === 'files')
    return Object.keys(form.files)
      .sort()
      .map((name) => [name, name]);
  return form.kind === 'numeric' ? numericFiles : codeFiles;
}

/** The form's field a tab edits (none for a folder of files: its tabs are file names). */
export function textFieldOf(tab: string): TextField | undefined {
  return codeFiles.find(([key]) => key === tab)?.[0];
}

/** The text of a tab's file. */
export function fileText(form: AuthoringFormState, tab: string): string {
  if (form.kind === 'files') return form.files[tab] ?? '';
  const field = textFieldOf(tab);
  return field ? form[field] : '';
}
