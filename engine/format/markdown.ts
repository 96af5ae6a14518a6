/**
 * Markdown from the kept blocks (the same blocks as `text`, so the same words): headings with
 * their level, ordered and unordered lists with their nesting, tables as pipe tables,
 * blockquotes, fenced code blocks with the language the page names, and the page's metadata
 * as optional YAML front matter. Text is escaped so that it reads back as the same words under
 * any CommonMark parser (no stray emphasis, links, HTML or entities).
 */
import type { Block, CleanResult, PageMetadata } from '../types';

export interface MarkdownOptions {
  /** Put the page's metadata (title, dates, authors, site, URL…) first as YAML front matter. */
  frontMatter?: boolean;
}

/** Characters CommonMark may read as markup anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~]/g;

/** Text as literal Markdown: inline markup characters escaped, and what would open a block at a line's start. */
export function escapeMarkdown(text: string): string {
  let out = text.replace(INLINE_SPECIAL, '\\$&');
  // A line that would read as a heading, a quote, a list item, a thematic break or a setext underline.
  out = out.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  return out;
}

function fence(code: string): string {
  let longest = 2;
  for (const m of code.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(longest + 1);
}

function codeBlock(block: Block): string {
  const code = block.structure?.code;
  const text = code?.text || block.text;
  const f = fence(text);
  // The info string may not hold a backtick; a language is one word.
  const lang = code?.language && /^[\w+#.-]+$/.test(code.language) ? code.language : '';
  return `${f}${lang}\n${text}\n${f}`;
}

function tableRows(rows: Block[]): string {
  const cells = rows.map((r) => r.structure?.cells ?? r.text.split(' | '));
  const width = Math.max(...cells.map((c) => c.length));
  const line = (row: string[]) => `| ${Array.from({ length: width }, (_, i) => escapeMarkdown(row[i] ?? '').replace(/^\\([#>+=-])/, '$1')).join(' | ')} |`;
  const [head, ...body] = cells;
  return [line(head!), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...body.map(line)].join('\n');
}

/** One list item, indented under its parents by the width of their markers (CommonMark's rule for nesting). */
class ListState {
  private widths: number[] = [];
  private counters: number[] = [];

  item(block: Block): string {
    const list = block.structure?.list ?? { depth: 1, ordered: false };
    const depth = Math.min(list.depth, this.widths.length + 1);
    this.widths.length = depth - 1;
    if (this.counters.length > depth) this.counters.length = depth;
    const n = list.ordered ? (this.counters[depth - 1] ?? 0) + 1 : 0;
    this.counters[depth - 1] = n;
    this.counters.length = depth;
    const marker = list.ordered ? `${n}. ` : '- ';
    const indent = ' '.repeat(this.widths.reduce((a, b) => a + b, 0));
    this.widths.push(marker.length);
    return `${indent}${marker}${escapeMarkdown(block.text)}`;
  }

  reset(): void {
    this.widths = [];
    this.counters = [];
  }
}

function quoted(text: string, depth: number): string {
  if (!depth) return text;
  const prefix = '> '.repeat(depth);
  return text
    .split('\n')
    .map((l) => (l ? prefix + l : prefix.trimEnd()))
    .join('\n');
}

function yamlString(value: string): string {
  // A JSON string is a YAML double-quoted scalar.
  return JSON.stringify(value);
}

export function frontMatter(result: CleanResult): string {
  const m: Partial<PageMetadata> = result.metadata ?? {};
  const lines: string[] = ['---'];
  const scalar = (key: string, value: string | null | undefined) => {
    if (value) lines.push(`${key}: ${yamlString(value)}`);
  };
  const list = (key: string, values: string[] | undefined) => {
    if (values && values.length) lines.push(`${key}:`, ...values.map((v) => `  - ${yamlString(v)}`));
  };
  const fields: [string, string | string[] | null | undefined][] = [
    ['title', result.title], ['published', m.published], ['modified', m.modified], ['authors', m.authors],
    ['site', m.siteName], ['url', m.canonicalUrl], ['description', m.description], ['image', m.image],
    ['tags', m.tags], ['categories', m.categories], ['type', m.type], ['language', result.language],
  ];
  for (const [key, value] of fields) {
    if (Array.isArray(value)) list(key, value);
    else scalar(key, value);
  }
  lines.push('---');
  return lines.join('\n');
}

/** The article as Markdown: the headline (when `text` has it) and the kept blocks, as `text` has them. */
export function toMarkdown(result: CleanResult, options: MarkdownOptions = {}): string {
  const parts: string[] = [];
  const showsTitle = result.title !== null && result.text.length > result.body.length && result.text.startsWith(result.title);
  if (showsTitle) parts.push(`# ${escapeMarkdown(result.title!)}`);
  const blocks = result.blocks.filter((b) => b.kept && b.kind !== 'title');
  const lists = new ListState();
  let out = '';
  let prevGroup: 'list' | 'table' | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const quote = b.structure?.quote ?? 0;
    let chunk: string;
    if (b.role === 'table-row') {
      let j = i;
      while (j + 1 < blocks.length && blocks[j + 1]!.role === 'table-row' && (blocks[j + 1]!.structure?.quote ?? 0) === quote) j++;
      chunk = tableRows(blocks.slice(i, j + 1));
      i = j;
      prevGroup = 'table';
      lists.reset();
    } else if (b.role === 'list-item' && b.tag !== 'dt' && b.tag !== 'dd') {
      if (prevGroup !== 'list') lists.reset();
      chunk = lists.item(b);
      const next = blocks[i + 1];
      // Items of one list stay on adjacent lines.
      if (next && next.role === 'list-item' && next.tag !== 'dt' && next.tag !== 'dd' && (next.structure?.quote ?? 0) === quote) {
        out += `${quoted(chunk, quote)}\n`;
        prevGroup = 'list';
        continue;
      }
      prevGroup = 'list';
    } else {
      lists.reset();
      prevGroup = null;
      if (b.structure?.code) chunk = codeBlock(b);
      else if (b.role === 'heading') chunk = `${'#'.repeat(Math.min(6, Math.max(1, b.structure?.level ?? 2)))} ${escapeMarkdown(b.text)}`;
      else chunk = escapeMarkdown(b.text);
    }
    out += `${quoted(chunk, quote)}\n\n`;
    if (prevGroup === 'list') prevGroup = null;
  }
  if (out) parts.push(out.trimEnd());
  const body = parts.join('\n\n');
  const head = options.frontMatter ? `${frontMatter(result)}\n\n` : '';
  return body ? `${head}${body}\n` : head;
}
