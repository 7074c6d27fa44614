import { codeTemplate, numericTemplate } from './templates';

/** The authoring page's form state (plain data: the server page builds the first one, the editor changes it). */
export type Tolerance =
  | { mode: 'sigfigs'; digits: number }
  | { mode: 'relative'; max: number }
  | { mode: 'absolute'; max: number }
  | { mode: 'decimals'; places: number };
export type AuthoringField = {
  name: string;
  label: string;
  unit?: string;
  hint?: string;
  tolerance: Tolerance;
  plausible?: { min: number; max: number };
};
export type AuthoringFormState = {
  kind: 'numeric' | 'code' | 'files';
  slug: string;
  title: string;
  topic: string;
  order: number;
  points: number;
  summary: string;
  statement: string;
  variants: string;
  reference: string;
  carriedCredit: number;
  fields: AuthoringField[];
  entries: { name: string; signature: string }[];
  typeDeclarations: string;
  usesTf: boolean;
  starter: string;
  cases: string;
  mistakes: string;
  solution: string;
  knownWrong: string;
  knownWrongMistake: string;
  files: Record<string, string>;
};

export function newForm(kind: 'numeric' | 'code'): AuthoringFormState {
  return {
    kind,
    slug: '',
    title: '',
    topic: 'forward-pass',
    order: 1000,
    points: 1,
    summary: '',
    statement: kind === 'numeric' ? numericTemplate.statement : codeTemplate.statement,
    variants: kind === 'numeric' ? numericTemplate.variants : codeTemplate.variants,
    reference: kind === 'numeric' ? numericTemplate.reference : codeTemplate.reference,
    carriedCredit: 0.5,
    fields: numericTemplate.fields.map((f) => ({ ...f })),
    entries: codeTemplate.entries,
    typeDeclarations: '',
    usesTf: false,
    starter: codeTemplate.starter,
    cases: codeTemplate.cases,
    mistakes: codeTemplate.mistakes,
    solution: codeTemplate.solution,
    knownWrong: codeTemplate.knownWrong,
    knownWrongMistake: codeTemplate.knownWrongMistake,
    files: {},
  };
}
