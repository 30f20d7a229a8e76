// The one Markdown reading of a report's prose for every renderer (HTML, Word): what an author's
// Markdown means must not depend on the output format.
import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';

// html: false — raw HTML in a report is shown as text; validateLink (default) drops javascript: links.
// cjk-friendly: `**实行考核通报制度。**各科室` is bold, as a Chinese author means it (CommonMark alone says no).
export const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(cjkFriendly);

export type MdToken = ReturnType<typeof md.parse>[number];
