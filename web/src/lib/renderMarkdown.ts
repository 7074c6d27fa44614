import katex from 'katex';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false });

// Display math first, then inline math; a `\$` is a literal dollar.
const mathPattern = /\$\$([\s\S]+?)\$\$|(?<!\\)\$((?:\\\$|[^$\n])+?)\$/g;

/**
 * Markdown with KaTeX math ($…$ inline, $$…$$ display) to HTML, on the server. Math is cut out before Markdown
 * runs (so `_` and `\\` inside it survive) and put back as KaTeX HTML. Input is course content, not user text.
 */
export function renderMarkdown(markdown: string, options: { inline?: boolean } = {}): string {
  const math: string[] = [];
  const protectedText = markdown.replace(mathPattern, (_match, display: string | undefined, inline: string | undefined) => {
    const tex = display ?? inline ?? '';
    const html = katex.renderToString(tex, { displayMode: display !== undefined, throwOnError: false, output: 'htmlAndMathml' });
    math.push(html);
    return `KATEXMATH${math.length - 1}END`;
  });
  const html = options.inline ? (marked.parseInline(protectedText) as string) : (marked.parse(protectedText) as string);
  return html.replace(/KATEXMATH(\d+)END/g, (_m, index: string) => math[Number(index)] ?? '');
}
