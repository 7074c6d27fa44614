import type { Exercise, StudentVariant } from '@deltalab/exercises';
import { variableLatex } from '@deltalab/exercises/expressions';
import { renderMarkdown } from '@/lib/renderMarkdown';
import { NumericWorkspace } from './NumericWorkspace';
import { ChoiceWorkspace } from './ChoiceWorkspace';
import { CodeWorkspace } from './CodeWorkspace';
import type { ExerciseRules, SubmissionSummary } from './types';

/** The answer area of an exercise page for one variant (server side: renders labels and options to HTML). */
export function ExerciseWorkspace({
  exercise,
  variant,
  rules,
  history,
  draft,
}: {
  exercise: Exercise;
  variant: StudentVariant;
  rules: ExerciseRules;
  history: SubmissionSummary[];
  draft: string | null;
}) {
  const slug = exercise.slug;
  if (exercise.kind === 'numeric') {
    const fields = (variant.fields ?? []).map((f) => ({
      name: f.name,
      labelHtml: renderMarkdown(f.label, { inline: true }),
      ...(f.unit ? { unit: f.unit } : {}),
      ...(f.hint ? { hint: f.hint } : {}),
      ...(f.rule ? { rule: f.rule } : {}),
      ...(f.kind === 'expression'
        ? {
            expression: {
              variables: f.variables.map((v) => ({ name: v.name, latex: v.latex ?? variableLatex(v.name) })),
              functions: f.functions,
            },
          }
        : {}),
    }));
    return <NumericWorkspace exercise={slug} fields={fields} rules={rules} initialHistory={history} />;
  }
  if (exercise.kind === 'choice') {
    const options = (variant.options ?? []).map((o) => ({ id: o.id, textHtml: renderMarkdown(o.text, { inline: true }) }));
    return <ChoiceWorkspace exercise={slug} mode={variant.mode ?? 'single'} options={options} rules={rules} initialHistory={history} />;
  }
  if (exercise.kind === 'code') {
    return (
      <CodeWorkspace
        exercise={slug}
        rules={rules}
        initialHistory={history}
        setup={{
          starter: exercise.starter,
          draft,
          typeDeclarations: exercise.typeDeclarations,
          signatures: exercise.entries.map((e) => e.signature),
          visibleCases: (variant.visibleCases ?? []).map((c) => ({ name: c.name, entry: c.entry, args: c.args, expected: c.expected })),
          timeLimitMs: Math.max(5000, exercise.limits.timeMs * 5),
          // The grader's own rule: Run checks with it (loosened only on a GPU backend, and says so).
          tolerance: exercise.tolerance,
          usesTf: exercise.usesTf,
        }}
      />
    );
  }
  return <p className="card text-sm">Challenges are submitted from the challenge page (coming soon).</p>;
}
