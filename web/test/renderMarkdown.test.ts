import { describe, expect, it } from 'vitest';
import { instantiateVariant, loadExercises } from '@deltalab/exercises';
import { renderMarkdown } from '@/lib/renderMarkdown';

describe('renderMarkdown (statements, labels and explanations written by instructors)', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror="alert(1)">', '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'],
    ['<form action="https://phish.example/login"><input name=p></form>', '&lt;form action='],
    ['<iframe src="/instructor"></iframe>', '&lt;iframe src='],
    ['<style>body{display:none}</style>', '&lt;style&gt;'],
    ['A <b>bold</b> word', 'A &lt;b&gt;bold&lt;/b&gt; word'],
  ])('shows raw HTML as text: %s', (markdown, escaped) => {
    const html = renderMarkdown(markdown);
    expect(html).toContain(escaped);
    expect(html).not.toMatch(/<(script|img|form|iframe|style|b)\b/);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>x</script>',
    'vbscript:x',
    '//evil.example/x',
  ])('keeps only the text of a link to %s', (href) => {
    const html = renderMarkdown(`[click here](${href})`);
    expect(html).toContain('click here');
    expect(html).not.toContain('<a ');
  });

  it.each(['https://example.edu/notes', 'http://example.edu', 'mailto:ta@example.edu', '/course', '#part-2', 'notes/week-3'])(
    'keeps a link to %s',
    (href) => {
      expect(renderMarkdown(`[notes](${href})`)).toContain(`<a href="${href}">notes</a>`);
    },
  );

  it('renders math with KaTeX, whose \\href stays inert', () => {
    const html = renderMarkdown('Let $\\sigma(z) = \\frac{1}{1+e^{-z}}$ and $\\href{javascript:alert(1)}{x}$.');
    expect(html).toContain('katex');
    expect(html).not.toMatch(/href="javascript/);
  });

  it('changes nothing for the catalogue: its statements hold no raw HTML outside math', () => {
    for (const exercise of loadExercises()) {
      const markdown = instantiateVariant(exercise, 'canonical').statementMarkdown;
      expect(markdown.replace(/\$\$[\s\S]+?\$\$|\$[^$\n]+?\$/g, ''), exercise.slug).not.toMatch(/<\/?[a-z][^>]*>/i);
    }
  });
});
