/**
 * The systems the benchmark compares: winnow itself (on the HTML and on the page's plain text),
 * the plain text unchanged (the "remove nothing" baseline of the plain-text path), a parse-only
 * floor (htmlparser2 parse + all text), Mozilla Readability.js 0.6 on linkedom and on jsdom, and
 * Defuddle 0.19 on linkedom. Each takes the page as stored (gzip bytes, or the plain text) and
 * returns its title and article text; unzipping and decoding are part of the measured work for
 * all of them. How an output is scored against a set's truth is `scoredText`, for all alike.
 */
import { gunzipSync } from 'node:zlib';
import type { clean as cleanFn } from '../engine';
import { bundleEngine } from './bundle';

export type SystemName =
  | 'winnow'
  | 'winnow-text'
  | 'page-text'
  | 'parse-only'
  | 'readability-linkedom'
  | 'defuddle-linkedom'
  | 'readability-jsdom';

export interface SystemInfo {
  name: SystemName;
  label: string;
  /** What the system is given: the page's HTML (gzip bytes) or its plain text (page-text.json). */
  input: 'html' | 'text';
  /** A peer: winnow (HTML) is compared with it in F1 and speed. */
  peer: boolean;
  /**
   * Whether the system is timed at all: the page-text baseline returns its input, so its
   * "speed" would measure the timer; it runs one untimed pass.
   */
  timed: boolean;
  /**
   * Where its warm-up may end after WARM_UP_SECONDS in the middle of a pass (bench/worker.ts):
   * 'all' sets (jsdom, ~100× slower than winnow), 'wide' sets only (the wide sets are for
   * accuracy, and a whole pass of a slow peer over CleanEval takes tens of seconds), or 'none'.
   */
  warmUpMidPass: 'all' | 'wide' | 'none';
  /** Runs on the development benchmark (Zyte's set) only. */
  zyteOnly: boolean;
}

/** In the order the bench runs them and prints them. */
export const SYSTEMS: SystemInfo[] = [
  { name: 'winnow', label: 'winnow (HTML)', input: 'html', peer: false, timed: true, warmUpMidPass: 'none', zyteOnly: false },
  { name: 'winnow-text', label: 'winnow (plain text)', input: 'text', peer: false, timed: true, warmUpMidPass: 'none', zyteOnly: false },
  { name: 'page-text', label: 'page-text (remove nothing)', input: 'text', peer: false, timed: false, warmUpMidPass: 'none', zyteOnly: false },
  { name: 'parse-only', label: 'parse-only floor', input: 'html', peer: true, timed: true, warmUpMidPass: 'none', zyteOnly: false },
  { name: 'readability-linkedom', label: 'Readability.js 0.6 + linkedom', input: 'html', peer: true, timed: true, warmUpMidPass: 'wide', zyteOnly: false },
  { name: 'defuddle-linkedom', label: 'Defuddle 0.19 + linkedom', input: 'html', peer: true, timed: true, warmUpMidPass: 'wide', zyteOnly: false },
  { name: 'readability-jsdom', label: 'Readability.js 0.6 + jsdom', input: 'html', peer: true, timed: true, warmUpMidPass: 'all', zyteOnly: true },
];

export function systemInfo(name: string): SystemInfo {
  const info = SYSTEMS.find((s) => s.name === name);
  if (!info) throw new Error(`unknown system "${name}" (one of: ${SYSTEMS.map((s) => s.name).join(', ')})`);
  return info;
}

/** A system's output: its title (null when it has none, or gives none) and its article text. */
export interface Extracted {
  title: string | null;
  body: string;
}

export interface PageContext {
  /** The page's address when the set has one, else ''. */
  url: string;
}

export type Extractor = (input: Buffer | string, page: PageContext) => Extracted;

/**
 * The text a system is scored on. The wide sets' truth holds the headline, so there every
 * system is scored on its title and its text; Zyte's truth is the body alone, so there on the
 * text only. Baselines with no title (page-text, parse-only) are scored as they are.
 */
export function scoredText(out: Extracted, truthHasTitle: boolean): string {
  return truthHasTitle && out.title ? `${out.title}\n\n${out.body}` : out.body;
}

export function htmlString(input: Buffer | string): string {
  if (typeof input === 'string') return input;
  const bytes = input[0] === 0x1f && input[1] === 0x8b ? gunzipSync(input) : input;
  return new TextDecoder('utf-8').decode(bytes);
}

/** Elements whose end is a line break in text made from HTML, so adjacent blocks' words stay apart. */
const BLOCK_ENDS = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'br', 'blockquote', 'pre',
  'section', 'article', 'table', 'ul', 'ol', 'dd', 'dt', 'figcaption',
]);

/** Text of an HTML fragment (htmlparser2, entities decoded), a newline at the end of each block. */
function fragmentText(html: string): string {
  const { Parser } = require('htmlparser2') as typeof import('htmlparser2');
  const parts: string[] = [];
  const parser = new Parser(
    {
      ontext: (text) => parts.push(text),
      onclosetag: (tag) => {
        if (BLOCK_ENDS.has(tag)) parts.push('\n');
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return parts.join('');
}

/**
 * A DOM from linkedom for the peers. linkedom builds no `<html>` and `<body>` for a page that
 * has no `<html>` element (fragments, truncated crawls: 88 of CleanEval's pages), and
 * Readability then throws on it; a browser would build them, so such a page is parsed again
 * wrapped in them.
 */
export function linkedomDocument(html: string): Document {
  const { parseHTML } = require('linkedom') as typeof import('linkedom');
  const { document } = parseHTML(html);
  // linkedom's `body` then falls back to the first element, which has no parent.
  if (document.documentElement?.localName === 'html') return document as unknown as Document;
  return parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document as unknown as Document;
}

export function loadSystem(name: SystemName): Extractor {
  switch (name) {
    case 'winnow':
    case 'winnow-text': {
      // WINNOW_ENGINE_BUNDLE: the bundle bench/run.ts built once for the whole run, so every
      // worker of a run measures the same engine.
      const { clean } = require(process.env.WINNOW_ENGINE_BUNDLE ?? bundleEngine()) as { clean: typeof cleanFn };
      const opts = name === 'winnow' ? {} : { mode: 'text' as const };
      return (input) => {
        const result = clean(input, opts);
        // The engine's `text` is its headline above its body: the title, when the page shows
        // it (a title known only from <title> is not put above the body).
        return { title: result.text !== result.body ? result.title : null, body: result.body };
      };
    }
    case 'page-text':
      return (input) => ({ title: null, body: htmlString(input) });
    case 'parse-only': {
      // The floor: htmlparser2's Parser (entities decoded) over the whole page, every text node collected.
      const { Parser } = require('htmlparser2') as typeof import('htmlparser2');
      return (input) => {
        const parts: string[] = [];
        const parser = new Parser({ ontext: (text) => parts.push(text) }, { decodeEntities: true });
        parser.end(htmlString(input));
        return { title: null, body: parts.join('') };
      };
    }
    case 'readability-linkedom': {
      const { Readability } = require('@mozilla/readability') as typeof import('@mozilla/readability');
      return (input) => {
        const article = new Readability(linkedomDocument(htmlString(input))).parse();
        return { title: article?.title ?? null, body: article?.textContent ?? '' };
      };
    }
    case 'defuddle-linkedom': {
      const D = require('defuddle');
      const Defuddle = (D.Defuddle || D.default || D) as typeof import('defuddle').default;
      // Defuddle logs its own troubles (console.error/console.log) page after page; the worker
      // is a process of its own and prints its report with process.stdout.write.
      console.log = console.error = console.warn = () => {};
      return (input, page) => {
        // Without a url option Defuddle throws "Invalid URL".
        const result = new Defuddle(linkedomDocument(htmlString(input)), { url: page.url || 'https://example.com/' }).parse();
        return { title: result.title ?? null, body: fragmentText(result.content ?? '') };
      };
    }
    case 'readability-jsdom': {
      const { Readability } = require('@mozilla/readability') as typeof import('@mozilla/readability');
      const { JSDOM, VirtualConsole } = require('jsdom') as typeof import('jsdom');
      const virtualConsole = new VirtualConsole(); // jsdom's CSS parser complains loudly on some pages
      return (input) => {
        const dom = new JSDOM(htmlString(input), { virtualConsole });
        try {
          const article = new Readability(dom.window.document).parse();
          return { title: article?.title ?? null, body: article?.textContent ?? '' };
        } finally {
          dom.window.close();
        }
      };
    }
  }
}
