import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in Markdown is off (html: false), and the output is sanitized anyway, so no author's
// (or attacker's) script, style, iframe or event handler can reach a page.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'blockquote',
    'code',
    'pre',
    'em',
    'strong',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'rel'], th: ['style'], td: ['style'] },
  // markdown-it writes column alignment as style="text-align:…"; nothing else is kept.
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
};

/** Markdown → sanitized HTML, safe to output unescaped in a template. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE);
}

/** The `## Heading` texts of a Markdown body, as written (trimmed). */
export function secondLevelHeadings(source: string): string[] {
  return markdown
    .parse(source, {})
    .flatMap((token, index, tokens) =>
      token.type === 'heading_open' && token.tag === 'h2' ? [tokens[index + 1].content.trim()] : [],
    );
}
