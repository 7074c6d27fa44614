import katex from 'katex';
import { Marked, type Tokens } from 'marked';

/** Link targets a statement may have: the web, mail, and this site (relative or a fragment). */
const SAFE_LINK = /^(https?:\/\/|mailto:|\/(?!\/)|#|\.{1,2}\/|[^:/?#]+(?:[/?#]|$))/i;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Course content is written by instructors, whom the site does not trust with other people's pages (an exercise's
 * statement is shown to its students, its previews to other staff): raw HTML in it is shown as text, never markup, and
 * a link to anything but the web, mail or this site (javascript:, data:…) keeps only its text. The CSP would stop a
 * script anyway; this keeps forms, frames and styles out too.
 */
const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link) {
      return SAFE_LINK.test(token.href.trim()) ? false : this.parser.parseInline(token.tokens);
    },
  },
});

// Display math first, then inline math; a `\$` is a literal dollar.
const mathPattern = /\$\$([\s\S]+?)\$\$|(?<!\\)\$((?:\\\$|[^$\n])+?)\$/g;

/**
 * Markdown with KaTeX math ($…$ inline, $$…$$ display) to HTML, on the server. Math is cut out before Markdown
 * runs (so `_` and `\\` inside it survive) and put back as KaTeX HTML (KaTeX's `trust` stays off: no \href or
 * \htmlClass from content).
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
