/**
 * Markdown output (engine/format/markdown.ts): structure kept (headings, nested lists, tables,
 * quotes, fenced code with its language), valid CommonMark, and exactly the words of `text` —
 * on fixtures and on every shared benchmark page.
 */
import { Parser, type Node } from 'commonmark';
import { clean, toMarkdown } from '../engine';
import { DATASET_NAMES, datasetAvailable, datasetByName, loadDataset } from '../bench/dataset';

const INLINE_CONTAINERS = new Set(['emph', 'strong', 'link', 'image']);
const WORD = /[\p{L}\p{N}_]+/gu;
const words = (text: string): string[] => text.match(WORD) ?? [];

/**
 * The text a CommonMark parser reads out of the Markdown (literal text, code), in order; an
 * image's alt text is left out (images are extra, with `markdown.images` only).
 */
function renderedText(markdown: string): string {
  const walker = new Parser().parse(markdown).walker();
  const parts: string[] = [];
  let inImage = 0;
  for (let e = walker.next(); e; e = walker.next()) {
    const node: Node = e.node;
    if (node.type === 'image') inImage += e.entering ? 1 : -1;
    if (!e.entering || inImage) continue;
    if (node.type === 'html_inline' || node.type === 'html_block') throw new Error(`raw HTML in the Markdown: ${node.literal}`);
    // An inline's text runs on (the parser splits `East_River` into three text nodes); blocks and line breaks part words.
    if (node.type === 'text' || node.type === 'code') parts.push(node.literal ?? '');
    else if (node.type === 'code_block') parts.push(` ${node.literal ?? ''} `);
    // Inline containers (emphasis, links) run on inside a word ("[expand](…)[ed](…)").
    else if (node.type === 'softbreak' || node.type === 'linebreak' || (node.isContainer && !INLINE_CONTAINERS.has(node.type))) parts.push(' ');
  }
  return parts.join('');
}

/** Every character but spaces and table pipes: what must read back exactly (no stray `*`, `[`, backslash). */
const visible = (text: string): string => text.replace(/[\s|]+/g, '');

function nodesOf(markdown: string): Node[] {
  const walker = new Parser().parse(markdown).walker();
  const out: Node[] = [];
  for (let e = walker.next(); e; e = walker.next()) if (e.entering) out.push(e.node);
  return out;
}

const PAGE = `<!doctype html><html lang="en"><head><title>Rivers of the North | Example</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Rivers of the North</h1>
<p>The northern rivers carry snowmelt to the sea every spring, and the towns along them have learned to live with the floods that follow. This is a long paragraph about rivers, written so that it reads as prose.</p>
<h2>Where they run</h2>
<p>Most of them rise in the mountains and run east, through forests and then through farmland, before they reach the coast and its harbours.</p>
<ol><li>The first river, the longest of them all</li><li>The second river
  <ul><li>its left branch</li><li>its right branch</li></ul></li><li>The third river</li></ol>
<h3>Their lengths</h3>
<table><tr><th>River</th><th>Length</th></tr><tr><td>North * River</td><td>1,200 km</td></tr><tr><td>East_River</td><td>800 km</td></tr></table>
<blockquote><p>A river is a road that moves, and a town beside it moves with it, one flood at a time.</p></blockquote>
<pre><code class="language-python">def flow(river):
    return river.length * 2  # &lt;b&gt; not bold</code></pre>
<p>Rivers also bring trade: 3. they carry boats, # of boats is large, and [links] are &amp; stay text.</p>
</article>
<footer>Copyright 2019 Example</footer>
</body></html>`;

describe('Markdown', () => {
  const result = clean(PAGE);
  const md = toMarkdown(result);

  it('keeps headings with their level', () => {
    const headings = nodesOf(md).filter((n) => n.type === 'heading').map((n) => [n.level, n.firstChild?.literal]);
    expect(headings).toEqual([
      [1, 'Rivers of the North'],
      [2, 'Where they run'],
      [3, 'Their lengths'],
    ]);
  });

  it('keeps ordered and nested unordered lists', () => {
    const lists = nodesOf(md).filter((n) => n.type === 'list');
    expect(lists.map((l) => l.listType)).toEqual(['ordered', 'bullet']);
    // The bullet list is inside the ordered list's second item.
    expect(lists[1]!.parent?.type).toBe('item');
    expect(md).toContain('1. The first river');
    expect(md).toContain('   - its left branch');
  });

  it('writes tables as pipe tables, quotes and fenced code with its language', () => {
    expect(md).toContain('| River | Length |\n| --- | --- |\n| North \\* River | 1,200 km |');
    expect(nodesOf(md).some((n) => n.type === 'block_quote')).toBe(true);
    const code = nodesOf(md).find((n) => n.type === 'code_block');
    expect(code?.info).toBe('python');
    expect(code?.literal).toContain('def flow(river):\n    return river.length * 2');
  });

  it('escapes text so no markup appears that the page did not have', () => {
    const types = new Set(nodesOf(md).map((n) => n.type));
    expect(types.has('emph')).toBe(false);
    expect(types.has('link')).toBe(false);
    expect(words(renderedText(md))).toEqual(words(result.text));
  });

  it('puts the metadata first as YAML front matter when asked', () => {
    const withMeta = toMarkdown(clean(PAGE, { url: 'https://example.com/2019/11/20/rivers' }), { frontMatter: true });
    expect(withMeta.startsWith('---\ntitle: "Rivers of the North"\npublished: "2019-11-20"\n')).toBe(true);
    expect(withMeta).toContain('---\n\n# Rivers of the North');
  });

  it('works on the plain-text path too', () => {
    const text = clean('Rivers of the North\n\nThe northern rivers carry snowmelt to the sea every spring, and the towns along them learned to live with floods.\n\n- first\n- second\n', { mode: 'text' });
    expect(words(renderedText(toMarkdown(text)))).toEqual(words(text.text));
  });
});

const INLINE_PAGE = `<!doctype html><html lang="en"><head><title>Rivers of the North</title><link rel="canonical" href="https://example.com/news/rivers"></head><body>
<article>
<h1>Rivers of the North</h1>
<p>The northern rivers carry <em>snowmelt</em> to the sea every spring, and the <strong>towns along them</strong> have learned to live with the floods: call <code>flood_level(river)</code> to see how high. Read the <a href="/reports/2019?year=2019&amp;kind=flood">flood report</a> for more, or <a href="javascript:void(0)">this</a>.</p>
<p><img src="/img/river.jpg" alt="The river in spring">A river in spring runs high and brown, <b>carrying <i>whole trees</i></b> down to the harbour, where the town waits for it every year without fail.</p>
<ul><li>The <em>first</em> river</li><li>The <strong>second</strong> river</li></ul>
<p>Emphasis that CommonMark could not read stays plain: intra<em>word</em> and <em>x</em><strong>y</strong> together, so the words are the same.</p>
</article></body></html>`;

describe('Markdown inline markup', () => {
  const result = clean(INLINE_PAGE, { markdown: { emphasis: true } });
  const md = toMarkdown(result);
  const types = (m: string) => nodesOf(m).map((n) => n.type);

  it('writes emphasis, strong emphasis and inline code (markdown.emphasis), not links or images', () => {
    expect(md).toContain('carry *snowmelt* to');
    expect(md).toContain('the **towns along them** have');
    expect(md).toContain('call `flood_level(river)` to');
    expect(md).toContain('**carrying *whole trees***');
    expect(md).toContain('- The *first* river\n- The **second** river');
    expect(types(md)).toEqual(expect.arrayContaining(['emph', 'strong', 'code']));
    expect(types(md)).not.toContain('link');
    expect(types(md)).not.toContain('image');
    expect(words(renderedText(md))).toEqual(words(result.text));
    expect(visible(renderedText(md))).toBe(visible(result.text));
  });

  it('leaves emphasis plain where CommonMark would not read it (inside a word, two runs touching)', () => {
    expect(md).toContain('intraword and xy together');
  });

  it('leaves it all out with markdown.emphasis off (the engine’s default: the CLI and the pipeline turn it on for Markdown)', () => {
    const plain = toMarkdown(clean(INLINE_PAGE));
    expect(types(plain)).not.toContain('emph');
    expect(types(plain)).not.toContain('code');
  });

  it('writes links and images when asked, resolved against the canonical URL; the words stay those of text', () => {
    const rich = clean(INLINE_PAGE, { markdown: { emphasis: true, links: true, images: true } });
    const out = toMarkdown(rich);
    const nodes = nodesOf(out);
    const link = nodes.find((n) => n.type === 'link');
    expect(link?.destination).toBe('https://example.com/reports/2019?year=2019&kind=flood');
    expect(link?.firstChild?.literal).toBe('flood report');
    // A javascript: address is no link; its text stays.
    expect(nodes.filter((n) => n.type === 'link')).toHaveLength(1);
    const image = nodes.find((n) => n.type === 'image');
    expect(image?.destination).toBe('https://example.com/img/river.jpg');
    expect(image?.firstChild?.literal).toBe('The river in spring');
    // Image alt text is the only addition: without it the words are those of text.
    expect(words(renderedText(out))).toEqual(words(rich.text));
    expect(rich.text).toBe(result.text);
  });
});

const sets = DATASET_NAMES.filter((name) => datasetAvailable(datasetByName(name).dir));
const describeIfData = sets.length ? describe : describe.skip;
if (!sets.length) console.warn('Markdown benchmark-page test skipped: no shared data');

describeIfData('Markdown on every shared benchmark page', () => {
  /** Words and every other visible character read back as `text` has them; failures described. */
  const check = (failures: string[], label: string, result: ReturnType<typeof clean>, md: string) => {
    // A pipe table's delimiter row is text to a CommonMark parser (tables are GFM's).
    const rendered = renderedText(md.replace(/^(?:> ?)*\| (?:--- \| )*--- \|$/gm, ''));
    const got = words(rendered);
    const want = words(result.text);
    if (got.join(' ') !== want.join(' ')) {
      const at = got.findIndex((w, i) => w !== want[i]);
      failures.push(`${label}: word ${at}: ${got.slice(at, at + 5).join(' ')} ≠ ${want.slice(at, at + 5).join(' ')}`);
    } else if (visible(rendered) !== visible(result.text)) {
      const a = visible(rendered);
      const b = visible(result.text);
      let at = 0;
      while (a[at] === b[at]) at++;
      failures.push(`${label}: character ${at}: ${a.slice(at - 10, at + 20)} ≠ ${b.slice(at - 10, at + 20)}`);
    }
  };
  for (const name of sets) {
    it(`${name}: parses as CommonMark and carries exactly the words of text (emphasis on)`, () => {
      const failures: string[] = [];
      let spans = 0;
      for (const page of loadDataset(datasetByName(name).dir)) {
        for (const input of [page.htmlGz, page.pageText]) {
          if (input.length === 0) continue; // a page whose visible text is empty has no plain-text input
          const result = clean(input, input === page.pageText ? { mode: 'text' } : { markdown: { emphasis: true } });
          const md = toMarkdown(result, { frontMatter: false });
          spans += nodesOf(md).filter((n) => n.type === 'emph' || n.type === 'strong' || n.type === 'code').length;
          check(failures, `${page.id} ${input === page.pageText ? 'text' : 'html'}`, result, md);
        }
      }
      expect(failures.slice(0, 10)).toEqual([]);
      if (name === 'article-extraction') expect(spans).toBeGreaterThan(100);
    }, 120_000);
  }

  const zyte = sets.find((n) => n === 'article-extraction');
  (zyte ? it : it.skip)('article-extraction with links and images on: CommonMark, the words of text (and only images add any)', () => {
    const failures: string[] = [];
    let links = 0;
    let images = 0;
    for (const page of loadDataset(datasetByName('article-extraction').dir)) {
      const result = clean(page.htmlGz, { url: page.url, markdown: { emphasis: true, links: true, images: true } });
      const md = toMarkdown(result);
      const nodes = nodesOf(md);
      links += nodes.filter((n) => n.type === 'link').length;
      images += nodes.filter((n) => n.type === 'image').length;
      check(failures, page.id, result, md);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(links).toBeGreaterThan(100);
    expect(images).toBeGreaterThan(20);
  }, 120_000);
});
