import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
export const placeholder = 'https://YOUR-PANTAU-SERVER';

/** What a snippet puts on the page: our elements (with our script), a snapshot picture, or an embed page in an iframe. */
export type SnippetKind = 'elements' | 'picture' | 'iframe';

export const kindOf = (html: string): SnippetKind => (/<iframe\b/.test(html) ? 'iframe' : /<pantau-|<script type="module"/.test(html) ? 'elements' : 'picture');
/** The README's pinned-release block shows the shape (`<id>`, `sha384-…`); the docs pages give the real one, pasted below. */
export const isShapeOnly = (html: string) => html.includes('/<id>/') || html.includes('sha384-…');

export interface Snippet {
  /** Where the reader finds it. */
  readonly from: string;
  readonly html: string;
}

/**
 * Every HTML snippet of the README: its ```html blocks, and each element of the widget table as
 * written, plus once with each attribute the row offers beside it (`province="53"`).
 */
export function readmeSnippets(): Snippet[] {
  const blocks = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((match, index) => ({ from: `README html block ${index + 1}`, html: match[1] ?? '' }));
  // The table's elements go with the script line of the README's two-line snippet.
  const script = /<script type="module" src="[^"]+"><\/script>/.exec(blocks[0]?.html ?? '')?.[0] ?? '';
  const rows = readme.split('\n').filter((line) => line.startsWith('| `<pantau-'));
  const elements = rows.flatMap((row) => {
    const cell = row.split('|')[1] ?? '';
    const [element, ...extras] = [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
    const tag = /^<([a-z-]+)/.exec(element ?? '')?.[1];
    if (!element || !tag) return [];
    const variants = [element, ...extras.filter((extra) => /^[a-z-]+="[^"]*"$/.test(extra)).map((extra) => element.replace(/>$/, ` ${extra}>`))];
    return variants.map((variant) => ({ from: `README element table: ${variant}`, html: `${script}\n${variant}</${tag}>` }));
  });
  return [...blocks, ...elements];
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Every snippet the docs pages give to copy (`<pre><code>`), from the index and each page it links. */
export async function docsSnippets(server: string): Promise<Snippet[]> {
  const index = await (await fetch(`${server}/widgets/`)).text();
  const pages = ['/widgets/', ...new Set([...index.matchAll(/href="(\/widgets\/[a-z0-9-]+\.html)"/g)].map((match) => match[1] ?? ''))];
  const snippets: Snippet[] = [];
  for (const path of pages) {
    const page = path === '/widgets/' ? index : await (await fetch(`${server}${path}`)).text();
    for (const match of page.matchAll(/<pre><code>([\s\S]*?)<\/code><\/pre>/g)) snippets.push({ from: `docs page ${path}`, html: unescapeHtml(match[1] ?? '') });
  }
  return snippets;
}
