import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { TextFormat } from './engine';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

// Imported GIFT questions may be HTML: only harmless formatting survives (no script, style,
// iframe, event handler or image from elsewhere).
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'em',
    'strong',
    'b',
    'i',
    'u',
    'code',
    'pre',
    'span',
    'sub',
    'sup',
    'blockquote',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'a',
  ],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
  disallowedTagsMode: 'discard',
};

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A question text as safe HTML for a page, whatever format it was written in. */
export function renderQuestionText(text: string, format: TextFormat): string {
  if (format === 'html') return sanitizeHtml(text, SANITIZE);
  if (format === 'markdown') return sanitizeHtml(markdown.render(text), SANITIZE);
  return `<p>${escape(text).replace(/\n/g, '<br>')}</p>`;
}

/** A short text (a choice, an option, feedback) as safe inline HTML. */
export function renderInline(text: string, format: TextFormat): string {
  if (format === 'html') return sanitizeHtml(text, SANITIZE);
  if (format === 'markdown') return sanitizeHtml(markdown.renderInline(text), SANITIZE);
  return escape(text);
}
