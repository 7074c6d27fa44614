import katex from 'katex';
import { expect, it } from 'vitest';
import { instantiateVariant, loadExercises } from '../src/index';

/** The math segments of a Markdown text ($$…$$ display, $…$ inline), outside code blocks and inline code. */
function mathSegments(markdown: string): { tex: string; display: boolean }[] {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
  const segments: { tex: string; display: boolean }[] = [];
  const rest = text.replace(/\$\$([\s\S]+?)\$\$/g, (_m, tex: string) => {
    segments.push({ tex, display: true });
    return '';
  });
  for (const m of rest.matchAll(/\$([^$\n]+?)\$/g)) segments.push({ tex: m[1]!, display: false });
  return segments;
}

function expectRenders(markdown: string, where: string): void {
  expect((markdown.match(/\$/g) ?? []).length % 2, `${where}: unbalanced $`).toBe(0);
  for (const { tex, display } of mathSegments(markdown)) {
    try {
      katex.renderToString(tex, { displayMode: display, throwOnError: true });
    } catch (error) {
      expect.fail(`${where}: KaTeX cannot render ${JSON.stringify(tex)}: ${String(error)}`);
    }
  }
}

it('every statement, field label and option renders with KaTeX (canonical and random variants)', () => {
  for (const exercise of loadExercises()) {
    for (const variant of ['canonical' as const, 1, 2, 3]) {
      const view = instantiateVariant(exercise, variant);
      const where = `${exercise.slug} / ${String(variant)}`;
      expectRenders(view.statementMarkdown, `${where} statement`);
      for (const field of view.fields ?? []) expectRenders(field.label, `${where} label of ${field.name}`);
      for (const option of view.options ?? []) expectRenders(option.text, `${where} option ${option.id}`);
    }
    if (exercise.kind === 'choice')
      for (const o of exercise.options) expectRenders(o.explanation, `${exercise.slug} explanation of ${o.id}`);
  }
});
