/**
 * Markdown from the kept blocks (the same blocks as `text`, so the same words): headings with
 * their level, ordered and unordered lists with their nesting, tables as pipe tables,
 * blockquotes, fenced code blocks with the language the page names, emphasis and inline code,
 * links and images when the engine recorded them (options `markdown.links`/`markdown.images`,
 * off by default), and the page's metadata as optional YAML front matter. Text is escaped so
 * that it reads back as the same words under any CommonMark parser (no stray emphasis, links,
 * HTML or entities); a span whose delimiters CommonMark would not read as such is left out.
 */
import type { Block, BlockStructure, CleanResult, PageMetadata } from '../types';

export interface MarkdownOptions {
  /** Put the page's metadata (title, dates, authors, site, URL…) first as YAML front matter. */
  frontMatter?: boolean;
  /**
   * The address relative links and images are resolved against (default: the page's canonical
   * URL when the metadata has one; else they are written as the page has them).
   */
  baseUrl?: string;
}

/** Characters CommonMark may read as markup anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~]/g;

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&');
}

/** What would open a block at a line's start (a heading, a quote, a list item, a thematic break, a setext underline), escaped. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+=-])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** An ATX heading; a run of `#` ending its text is escaped, else CommonMark would read it as the closing sequence. */
function heading(level: number, content: string): string {
  return `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${content.replace(/(^|\s)#(#*)$/, '$1\\#$2')}`;
}

/** Text as literal Markdown: inline markup characters escaped, and what would open a block at a line's start. */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeInline(text));
}

type Span = { start: number; end: number; kind: 'em' | 'strong' | 'code' | 'link'; href: string };

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c);
const isPunct = (c: string | undefined): boolean => c !== undefined && /[\p{P}\p{S}]/u.test(c);

function resolveHref(href: string, base: string | undefined): string {
  if (!base || /^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** A link destination in angle brackets: anything but line breaks, `<`, `>` and backslashes (percent-encoded). */
function destination(url: string): string {
  return `<${url.replace(/[\s<>\\]/g, (c) => encodeURIComponent(c))}>`;
}

function codeSpan(code: string): string | null {
  let longest = 0;
  for (const m of code.match(/`+/g) ?? []) longest = Math.max(longest, m.length);
  // Three backticks at a line's start would open a fenced block.
  if (longest >= 2) return null;
  const f = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${f}${pad}${code}${pad}${f}`;
}

/**
 * The spans of `text[from, to)` that nest, trimmed of surrounding spaces, relative to `from`:
 * code spans win over what crosses them, a span inside one of its own kind is dropped, and so
 * is one that crosses another.
 */
function nestedSpans(text: string, s: BlockStructure | undefined, from: number, to: number): Span[] {
  const raw: Span[] = [];
  for (const [a, b, kind] of s?.emphasis ?? []) raw.push({ start: a, end: b, kind, href: '' });
  for (const [a, b, href] of s?.links ?? []) raw.push({ start: a, end: b, kind: 'link', href });
  const spans: Span[] = [];
  for (const sp of raw) {
    let { start, end } = sp;
    if (start < from || end > to) continue;
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end > start) spans.push({ ...sp, start: start - from, end: end - from });
  }
  const rank = (k: Span['kind']) => (k === 'link' ? 0 : k === 'strong' ? 1 : k === 'em' ? 2 : 3);
  // Outer first: earlier start, then later end, then links outside emphasis outside code.
  spans.sort((x, y) => x.start - y.start || y.end - x.end || rank(x.kind) - rank(y.kind));
  const kept: Span[] = [];
  const codes = spans.filter((sp) => sp.kind === 'code');
  for (const sp of spans) {
    const crosses = (o: Span) => (o.start < sp.start && sp.start < o.end && o.end < sp.end) || (sp.start < o.start && o.start < sp.end && sp.end < o.end);
    if (sp.kind !== 'code' && codes.some((c) => crosses(c) || (c.start <= sp.start && sp.end <= c.end))) continue;
    if (kept.some((o) => crosses(o) || (o.kind === sp.kind && o.start <= sp.start && sp.end <= o.end))) continue;
    kept.push(sp);
  }
  return kept;
}

/**
 * `text[from, to)` as inline Markdown: escaped, with its emphasis, code, links and images.
 * Emphasis whose delimiters CommonMark would not read as opening and closing (a word's
 * middle, a delimiter run that could do both) is left out, one span at a time, until all read.
 */
function inlineMarkdown(text: string, s: BlockStructure | undefined, base: string | undefined, from = 0, to = text.length, inTable = false): string {
  if (!s || (!s.emphasis && !s.links && !s.images)) return escapeInline(text.slice(from, to));
  const piece = text.slice(from, to);
  let spans = nestedSpans(text, s, from, to);
  if (inTable) spans = spans.filter((sp) => !(sp.kind === 'code' && piece.slice(sp.start, sp.end).includes('|')));
  const images = (s.images ?? [])
    .filter(([at]) => at >= from && at <= to)
    .map(([at, src, alt]) => ({ at: at - from, src, alt }))
    .filter((im) => !spans.some((sp) => sp.kind === 'code' && sp.start < im.at && im.at < sp.end));
  for (;;) {
    const { out, bad } = renderSpans(piece, spans, images, base);
    if (!bad) return out;
    spans = spans.filter((sp) => sp !== bad);
  }
}

function renderSpans(text: string, spans: Span[], images: { at: number; src: string; alt: string }[], base: string | undefined): { out: string; bad: Span | null } {
  let out = '';
  /** Where each emphasis span's delimiters stand in `out`: [opening start, opening end, closing start, closing end]. */
  const delims = new Map<Span, number[]>();
  const runs: { from: number; to: number; opens: boolean; closes: boolean }[] = [];
  const mark = (str: string, sp: Span, opening: boolean) => {
    const at = out.length;
    out += str;
    if (sp.kind !== 'em' && sp.kind !== 'strong') return;
    const d = delims.get(sp) ?? [];
    d.push(at, out.length);
    delims.set(sp, d);
    const last = runs[runs.length - 1];
    if (last && last.to === at) {
      last.to = out.length;
      if (opening) last.opens = true;
      else last.closes = true;
    } else runs.push({ from: at, to: out.length, opens: opening, closes: !opening });
  };
  const closing = (sp: Span) => (sp.kind === 'em' ? '*' : sp.kind === 'strong' ? '**' : sp.kind === 'link' ? `](${destination(resolveHref(sp.href, base))})` : '');
  const open: Span[] = [];
  let code: Span | null = null;
  let pos = 0;
  const flushText = (until: number) => {
    if (until > pos && !code) out += escapeInline(text.slice(pos, until));
    pos = Math.max(pos, until);
  };
  const points = [...new Set([0, text.length, ...spans.flatMap((sp) => [sp.start, sp.end]), ...images.map((im) => im.at)])].sort((a, b) => a - b);
  for (const p of points) {
    flushText(p);
    // Closers, innermost first.
    for (let i = open.length - 1; i >= 0; i--) {
      const sp = open[i]!;
      if (sp.end !== p) continue;
      open.splice(i, 1);
      if (sp.kind === 'code') {
        out += codeSpan(text.slice(sp.start, sp.end)) ?? escapeInline(text.slice(sp.start, sp.end));
        code = null;
      } else mark(closing(sp), sp, false);
    }
    for (const im of images) {
      if (im.at !== p) continue;
      // No space around it: an icon inside a word ("expand<img>ed") must leave the word whole.
      out += `![${escapeInline(im.alt)}](${destination(resolveHref(im.src, base))})`;
    }
    // Openers, outermost first.
    for (const sp of spans) {
      if (sp.start !== p || sp.end === p) continue;
      open.push(sp);
      if (sp.kind === 'code') code = sp;
      else if (sp.kind === 'link') out = `${/(?:^|[^\\])(?:\\\\)*!$/.test(out) ? `${out.slice(0, -1)}\\!` : out}[`; // "Hi!" before a link is not an image
      else mark(sp.kind === 'em' ? '*' : '**', sp, true);
    }
  }
  // Every delimiter run must do one thing, as CommonMark reads it: open (left-flanking, not
  // right-flanking) or close (the reverse).
  for (const run of runs) {
    const before = out[run.from - 1];
    const after = out[run.to];
    const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
    const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
    const ok = run.opens !== run.closes && (run.opens ? left && !right : right && !left);
    if (ok) continue;
    for (const [sp, d] of delims) if (d.some((x) => x >= run.from && x < run.to)) return { out, bad: sp };
  }
  return { out, bad: null };
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

function tableRows(rows: Block[], base: string | undefined): string {
  const cells = rows.map((r) => r.structure?.cells ?? r.text.split(' | '));
  const width = Math.max(...cells.map((c) => c.length));
  const line = (row: string[], r: number) => {
    const block = rows[r]!;
    const out: string[] = [];
    // Each cell's place in the row's text (cells joined by ' | '), for its inline marks.
    let at = 0;
    for (let i = 0; i < width; i++) {
      const cell = row[i] ?? '';
      const exact = block.text.slice(at, at + cell.length) === cell;
      out.push(exact ? inlineMarkdown(block.text, block.structure, base, at, at + cell.length, true) : escapeInline(cell));
      at += cell.length + 3;
    }
    return `| ${out.join(' | ')} |`;
  };
  const [head, ...body] = cells;
  return [line(head!, 0), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...body.map((row, r) => line(row, r + 1))].join('\n');
}

/** One list item, indented under its parents by the width of their markers (CommonMark's rule for nesting). */
class ListState {
  private widths: number[] = [];
  private counters: number[] = [];

  item(block: Block, base: string | undefined): string {
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
    return `${indent}${marker}${escapeLineStart(inlineMarkdown(block.text, block.structure, base))}`;
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
  if (showsTitle) parts.push(heading(1, escapeMarkdown(result.title!)));
  const blocks = result.blocks.filter((b) => b.kept && b.kind !== 'title');
  const base = options.baseUrl ?? result.metadata?.canonicalUrl ?? undefined;
  const inline = (b: Block) => escapeLineStart(inlineMarkdown(b.text, b.structure, base));
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
      chunk = tableRows(blocks.slice(i, j + 1), base);
      i = j;
      prevGroup = 'table';
      lists.reset();
    } else if (b.role === 'list-item' && b.tag !== 'dt' && b.tag !== 'dd') {
      if (prevGroup !== 'list') lists.reset();
      chunk = lists.item(b, base);
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
      else if (b.role === 'heading') chunk = heading(b.structure?.level ?? 2, inline(b));
      else chunk = inline(b);
    }
    out += `${quoted(chunk, quote)}\n\n`;
    if (prevGroup === 'list') prevGroup = null;
  }
  if (out) parts.push(out.trimEnd());
  const body = parts.join('\n\n');
  const head = options.frontMatter ? `${frontMatter(result)}\n\n` : '';
  return body ? `${head}${body}\n` : head;
}
