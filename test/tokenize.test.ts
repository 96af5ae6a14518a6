/**
 * The engine's tokenizer replaces internal methods of htmlparser2's Tokenizer (fastForwardTo, the
 * states that read names, and the text state, which reads a whole tag at once: see
 * engine/html/tokenize.ts). It must emit exactly the events of the stock tokenizer: on edge
 * cases written here, in chunks (the cursor's offset), and on every benchmark page when the
 * data is present.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Tokenizer } from 'htmlparser2';
import { datasetAvailable, loadDataset } from '../bench/dataset';
import { FastForwardTokenizer, tokenize } from '../engine/html/tokenize';

type Event = [string, ...number[]];

function events(Kind: typeof Tokenizer, html: string, chunk = Infinity): Event[] {
  const out: Event[] = [];
  const record =
    (name: string) =>
    (...args: number[]): void => {
      out.push([name, ...args]);
    };
  const names = [
    'onattribdata', 'onattribentity', 'onattribend', 'onattribname', 'oncdata', 'onclosetag', 'oncomment',
    'ondeclaration', 'onend', 'onopentagend', 'onopentagname', 'onprocessinginstruction', 'onselfclosingtag',
    'ontext', 'ontextentity',
  ];
  const callbacks = Object.fromEntries(names.map((n) => [n, record(n)]));
  const tokenizer = new Kind({ decodeEntities: false }, callbacks as unknown as ConstructorParameters<typeof Tokenizer>[1]);
  for (let i = 0; i < html.length; i += chunk) tokenizer.write(html.slice(i, i + chunk));
  tokenizer.end();
  return out;
}

const EXAMPLES_DIR = join(__dirname, '..', 'examples');
const EXAMPLES: [string, string][] = readdirSync(EXAMPLES_DIR)
  .filter((f) => /\.html?$/.test(f))
  .map((f) => [f, readFileSync(join(EXAMPLES_DIR, f), 'utf8')]);

const EDGE_CASES: [string, string][] = [
  ['plain text', 'no tags at all, just text & an ampersand'],
  ['attributes', '<div class="a b" id=\'x\' data-x=unquoted hidden>t</div><p title="unclosed>text'],
  ['comments', '<!-- one --><p>a<!-- two -- still -->b</p><!-- never closed'],
  ['script and style', '<script>if (a < b && c > d) { x = "</scr" + "ipt>"; }</script><style>p>a{}</style>tail'],
  ['unclosed script', '<p>x</p><script>var never = "closed";'],
  ['processing instruction and cdata', '<?xml version="1.0"?><svg><![CDATA[ <raw> ]]></svg><!DOCTYPE html>'],
  ['text ending in <', 'a < b and c <'],
  ['non-ASCII', '<p class="ünïcode">Grüße — “quotes” 東京 🙂</p>'],
  ['names ended every way', '<a\rhref=x><img\fsrc=y/><input\tdisabled/><br/><p\nclass = "c"data-long-name-here>t</p\n></a  ><b\r\n>x</b/>'],
  ['a page ending in a name', '<div class="x" data-attribute-cut'],
  // Whole tags read at once (stateText): every way a start or end tag can be written.
  ['self-closing tags', '<br/><br / ><img src="a"/><a/b=1><input / disabled / ><hr//>'],
  ['values of every kind', `<a b= c=d e = "f" g='h>i' j=k/l m=>t</a><a b="1"c=2 d='3'e>u</a><p x=">">`],
  ['names that start like raw-text elements', '<span><p><strong><tbody><scripts><xmp>raw <b></xmp><noscript><p>x</p></noscript><iframe src=x>i</iframe><SCRIPT>a<b</SCRIPT><tItLe>t</TITLE><textareas>'],
  ['odd names and end tags', '<a =x><a "q"=1><1a><a\u00e9 b=c></DIV ></a href="x"></ a></1a></><b\u00e9>t</b\u00e9></span\t\n>'],
  ['a quote that never closes', '<div class="open>text</div><p>more'],
];

describe('FastForwardTokenizer emits exactly the stock Tokenizer events', () => {
  it('has example pages to compare on', () => expect(EXAMPLES.length).toBeGreaterThan(0));

  it.each(['fastForwardTo', 'stateText', 'stateInTagName', 'stateInClosingTagName', 'stateInAttributeName'])(
    'replaces %s on its own prototype only, never on the library class',
    (method) => {
      expect(Object.prototype.hasOwnProperty.call(FastForwardTokenizer.prototype, method)).toBe(true);
      expect((Tokenizer.prototype as unknown as Record<string, unknown>)[method]).not.toBe(
        (FastForwardTokenizer.prototype as unknown as Record<string, unknown>)[method],
      );
    },
  );

  it('cut into pieces of every size, names cut anywhere', () => {
    const html = EDGE_CASES.map(([, h]) => h).join('');
    for (let chunk = 1; chunk <= 40; chunk++) {
      expect([chunk, events(FastForwardTokenizer, html, chunk)]).toEqual([chunk, events(Tokenizer, html, chunk)]);
    }
  });

  it.each([...EDGE_CASES, ...EXAMPLES])('%s', (_name, html) => {
    expect(events(FastForwardTokenizer, html)).toEqual(events(Tokenizer, html));
    // Written in small chunks: the cursor's offset is then non-zero.
    expect(events(FastForwardTokenizer, html, 7)).toEqual(events(Tokenizer, html, 7));
  });

  (datasetAvailable() ? it : it.skip)('on every page of the development benchmark', () => {
    // Compared as one string per page: a deep toEqual over ~50,000 events a page takes minutes.
    const differing: string[] = [];
    const pages = loadDataset();
    for (const page of pages) {
      const html = gunzipSync(page.htmlGz).toString('utf8');
      if (events(FastForwardTokenizer, html).join(';') !== events(Tokenizer, html).join(';')) differing.push(page.id);
      // In pieces, as the engine writes a page (64 KiB; here smaller, so that more names are cut).
      if (events(FastForwardTokenizer, html, 4093).join(';') !== events(Tokenizer, html, 4093).join(';')) differing.push(`${page.id} in pieces`);
    }
    expect(pages.length).toBeGreaterThan(100);
    expect(differing).toEqual([]);
  });
});

describe('tag names, found in place', () => {
  /** The open and close events tokenize() gives the engine. */
  function tree(html: string, pieces?: string[]): string[] {
    const out: string[] = [];
    tokenize(pieces ?? [html], {
      wantsText: () => false,
      wantsAttributes: () => false,
      open: (name, _attrs, isVoid) => void out.push(isVoid ? `<${name}/>` : `<${name}>`),
      close: (name) => void out.push(`</${name}>`),
      text: () => undefined,
    });
    return out;
  }

  it('are one name whatever their case, and non-ASCII names are lower-cased as strings', () => {
    expect(tree('<DIV><Div><p>x</P></div></dIv><XÄB>y</xäb><BR>')).toEqual(['<div>', '<div>', '<p>', '</p>', '</div>', '</div>', '<xäb>', '</xäb>', '<br/>']);
  });

  it('are told apart when their hashes collide, however many collide', () => {
    // "b<" and "a[" hash alike, so these 2^8 names all share one hash (a page can do this on
    // purpose: past a few spellings per hash the lookup falls back to strings, never quadratic).
    const names = Array.from({ length: 256 }, (_, i) => `x${Array.from({ length: 8 }, (_, j) => ((i >> j) & 1 ? 'b<' : 'a[')).join('')}`);
    const html = names.map((n) => `<${n}>`).join('') + [...names].reverse().map((n) => `</${n}>`).join('');
    const expected = [...names.map((n) => `<${n}>`), ...[...names].reverse().map((n) => `</${n}>`)];
    expect(tree(html)).toEqual(expected);
    // Cut into pieces in the middle of names: the same tree.
    const pieces = html.match(/[\s\S]{1,37}/g)!;
    expect(tree(html, pieces)).toEqual(expected);
  });
});

/** The tree events of `html` (walked in `pieces` when given), as tags and text. */
function walk(html: string, pieces?: string[]): string[] {
  const out: string[] = [];
  tokenize(pieces ?? [html], {
    wantsText: () => true,
    wantsAttributes: () => false,
    open: (name, _attrs, isVoid) => void out.push(isVoid ? `<${name}/>` : `<${name}>`),
    close: (name) => void out.push(`</${name}>`),
    text: (text) => void out.push(text),
  });
  return out;
}

describe('a <title> the page never closes', () => {
  it('is raw text up to its end tag, markup and all, when the end tag comes', () => {
    expect(walk('<head><title>A <b>bold</b> title</title></head><p>x</p>')).toEqual([
      '<head>', '<title>', 'A <b>bold</b> title', '</title>', '</head>', '<p>', 'x', '</p>',
    ]);
  });

  it('ends at its first "<" when no end tag follows, and the rest of the page is markup again', () => {
    const html = '<html><head><title>Broken head\n<script>var x;</script></head><body><p>The article.</p></body></html>';
    const expected = ['<html>', '<head>', '<title>', 'Broken head\n', '</title>', '<script>', 'var x;', '</script>', '</head>', '<body>', '<p>', 'The article.', '</p>', '</body>', '</html>'];
    expect(walk(html)).toEqual(expected);
    // The same when the page arrives in pieces, each ending before a "<" as the engine cuts them.
    expect(walk(html, html.split(/(?=<)/))).toEqual(expected);
  });

  it('keeps all its text when nothing but text follows; <title/> is an empty title', () => {
    expect(walk('<title>only a title')).toEqual(['<title>', 'only a title', '</title>']);
    expect(walk('<title/><p>x</p>')).toEqual(['<title>', '</title>', '<p>', 'x', '</p>']);
  });

  it('leaves the article to the engine, not to the title', () => {
    const { clean } = require('../engine') as typeof import('../engine');
    const body = 'The council voted on Tuesday to build three new cycle lanes in the centre of the town. '.repeat(4);
    const result = clean(`<html><head><title>Cycle lanes approved\n<link rel="x"></head><body><article><h1>Cycle lanes approved</h1><p>${body}</p></article></body></html>`);
    expect(result.title).toBe('Cycle lanes approved');
    expect(result.body).toContain('The council voted on Tuesday');
  });
});

describe('a <script> start tag whose quote never closed', () => {
  // `src="` runs on to the next double quote, over the script's own `</script>` and the next
  // tag: browsers then read everything up to the following `</script>` as script.
  const broken =
    '<head><script src="/a.js\nvar x = 1;\n</script><link href="/b.css"></head>' +
    '<body><p>The article.</p><script>var y;</script><p>After.</p></body>';

  it('is taken as an empty element: what follows it is markup again', () => {
    const expected = ['<head>', '<script/>', '</head>', '<body>', '<p>', 'The article.', '</p>', '<script>', 'var y;', '</script>', '<p>', 'After.', '</p>', '</body>'];
    expect(walk(broken)).toEqual(expected);
    expect(walk(broken, broken.split(/(?=<)/))).toEqual(expected);
  });

  it('leaves a script that is only odd alone (its end tag inside a string, a quoted "<")', () => {
    expect(walk('<script data-x="a<b">var s = "</scr" + "ipt>";</script><p>x</p>')).toEqual([
      '<script>', 'var s = "</scr" + "ipt>";', '</script>', '<p>', 'x', '</p>',
    ]);
  });

  it('gives the engine the article it would have swallowed', () => {
    const { clean } = require('../engine') as typeof import('../engine');
    const body = 'The council voted on Tuesday to build three new cycle lanes in the centre of the town. '.repeat(4);
    const html = `<html><head><script type="text/javascript" src="/te.js\nfunction f(o) { o.style.color='black'; }\n</script>` +
      `<link href="/site.css" rel="stylesheet"></head><body><div><h1>Cycle lanes</h1><p>${body}</p></div>` +
      `<script>var tracker = 1;</script></body></html>`;
    expect(clean(html).body).toContain('The council voted on Tuesday');
  });
});
