/**
 * Properties of the engine over generated inputs (fast-check). Each property runs
 * FC_RUNS cases (default 2,500; four properties → 10,000 per CI run).
 *
 * 1. Any bytes: `clean` returns, or throws one of the typed errors — nothing else.
 * 2. Any HTML-ish string: the same, and the result is deterministic.
 * 3. Every word of the output occurs in the input (nothing is invented).
 * 4. Cleaning the output again changes nothing of substance: no new words, and every
 *    paragraph of prose survives.
 */
import fc from 'fast-check';
import { decodeHTML } from 'entities';
import { clean, isWinnowError, type CleanResult } from '../engine';

const RUNS = Number(process.env.FC_RUNS ?? 2500);
const tokens = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
const SEED = Number(process.env.FC_SEED ?? 20261128);
jest.setTimeout(600_000);

function cleanOrTypedError(input: Uint8Array | string): CleanResult | null {
  try {
    return clean(input);
  } catch (err) {
    if (isWinnowError(err)) return null;
    throw err;
  }
}

const WORDS = [
  'the', 'a', 'of', 'and', 'to', 'in', 'is', 'was', 'for', 'on', 'that', 'with', 'as', 'by', 'at', 'from',
  'harbour', 'council', 'report', 'bridge', 'winter', 'market', 'river', 'school', 'library', 'storm',
  'said', 'voted', 'opened', 'closed', 'found', 'built', 'announced', 'expects', 'reported',
  'der', 'die', 'und', 'nicht', 'le', 'les', 'est', 'pas', 'el', 'los', 'que', 'não', 'het', 'jest', 'это',
  'Café', 'naïve', 'Zürich', '日本', 'Ελλάδα', 'share', 'comment', 'reply', 'menu', 'cookies', 'subscribe',
  '2024', '42', 'e-mail', "it's", 'U.S.',
];
const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 4, maxLength: 18 }).map((ws) => `${ws.join(' ')}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(' '));

const TAGS = ['div', 'p', 'span', 'a', 'li', 'ul', 'h2', 'section', 'article', 'nav', 'footer', 'aside', 'table', 'tr', 'td', 'br', 'b', 'script', 'style', 'form', 'textarea', 'svg', 'title', 'pre'];
const CLASSES = ['', 'content', 'comment', 'comments', 'share', 'related', 'nav', 'footer', 'ad', 'article-body', 'cookie', 'x'];
const openTag = fc
  .record({ tag: fc.constantFrom(...TAGS), cls: fc.constantFrom(...CLASSES), href: fc.boolean(), hidden: fc.boolean() })
  .map(({ tag, cls, href, hidden }) => ` <${tag}${cls ? ` class="${cls}"` : ''}${href ? ' href="/x"' : ''}${hidden ? ' hidden' : ''}> `);
const closeTag = fc.constantFrom(...TAGS).map((t) => ` </${t}> `);
const entity = fc.constantFrom(' &amp; ', ' &nbsp; ', ' &#8212; ', ' &eacute; ', ' &bogus; ', ' &#x1F600; ', ' & ');
const htmlPiece = fc.oneof(
  { weight: 4, arbitrary: paragraph.map((p) => ` ${p} `) },
  { weight: 3, arbitrary: openTag },
  { weight: 3, arbitrary: closeTag },
  { weight: 1, arbitrary: entity },
  { weight: 1, arbitrary: fc.constantFrom(' <!-- c --> ', ' <!doctype html> ', ' <![CDATA[x]]> ', ' <p ', ' </ ', ' < ', ' > ') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const htmlish = fc.array(htmlPiece, { maxLength: 60 }).map((ps) => ps.join(''));

/** HTML whose text words are always separated from tags by spaces, so output words can be found in the input. */
const spacedHtml = fc.array(fc.oneof({ weight: 4, arbitrary: paragraph.map((p) => ` ${p} `) }, { weight: 3, arbitrary: openTag }, { weight: 3, arbitrary: closeTag }, { weight: 1, arbitrary: entity }), { maxLength: 60 })
  .map((ps) => `<html><head><title> ${'harbour report'} </title></head><body>${ps.join('')}</body></html>`);

/** English prose of the usual shape (the text path judges prose by its stop words), varied enough not to repeat itself. */
const NOUNS = ['council', 'harbour', 'report', 'bridge', 'market', 'river', 'school', 'library', 'mayor', 'city', 'plan', 'budget', 'storm', 'road', 'museum', 'railway', 'hospital', 'park', 'festival', 'court'];
const VERBS = ['approved', 'rejected', 'studied', 'described', 'changed', 'opened', 'delayed', 'funded', 'praised', 'questioned', 'closed', 'moved'];
const ADJECTIVES = ['new', 'old', 'small', 'local', 'public', 'second', 'final', 'long', 'costly', 'quiet'];
const englishSentence = fc
  .record({
    form: fc.integer({ min: 0, max: 2 }),
    a: fc.constantFrom(...NOUNS), v: fc.constantFrom(...VERBS), b: fc.constantFrom(...NOUNS), c: fc.constantFrom(...NOUNS),
    j: fc.constantFrom(...ADJECTIVES), k: fc.constantFrom(...ADJECTIVES), n: fc.integer({ min: 2, max: 999 }),
  })
  .map(({ form, a, v, b, c, j, k, n }) =>
    [
      `The ${j} ${a} ${v} the ${b} of the ${k} ${c} after ${n} days.`,
      `In the ${k} ${c}, ${n} people said that the ${a} was ${v} by the ${j} ${b}.`,
      `It was the ${j} ${b} that ${v} the ${a}, and not the ${k} ${c} of ${n} years ago.`,
    ][form]!,
  );
const englishParagraph = fc.array(englishSentence, { minLength: 2, maxLength: 5 }).map((ss) => ss.join(' '));

/** Paragraphs that do not repeat one another (a page that does is handled on purpose: repeats are dropped). */
function distinct(paragraphs: string[]): boolean {
  const seen = new Set<string>();
  for (const p of paragraphs) {
    const ws = tokens(p);
    const grams = ws.slice(0, -3).map((_, i) => ws.slice(i, i + 4).join(' '));
    const shared = grams.filter((g) => seen.has(g)).length;
    if (grams.length && shared / grams.length > 0.3) return false;
    for (const g of grams) seen.add(g);
  }
  return true;
}

const articlePage = fc
  .record({
    title: fc.array(word, { minLength: 3, maxLength: 8 }).map((ws) => ws.join(' ')),
    paragraphs: fc.array(englishParagraph, { minLength: 2, maxLength: 8 }).filter(distinct),
    menu: fc.array(word, { minLength: 3, maxLength: 10 }),
  })
  .map(({ title, paragraphs, menu }) => ({
    paragraphs,
    html: `<html><head><title>${title}</title></head><body><nav>${menu.map((m) => `<a href="/${m}">${m}</a>`).join(' ')}</nav>` +
      `<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>` +
      `<footer><a href="/privacy">Privacy</a> © 2024</footer></body></html>`,
  }));

describe('engine properties (fast-check)', () => {
  test('any bytes: a result or a typed error, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        cleanOrTypedError(bytes);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('any HTML-ish string: a result or a typed error, and the same result every time', () => {
    fc.assert(
      fc.property(htmlish, (html) => {
        const first = cleanOrTypedError(html);
        const second = cleanOrTypedError(html);
        expect(second).toEqual(first);
      }),
      { numRuns: RUNS, seed: SEED + 1 },
    );
  });

  test('every word of the output occurs in the input', () => {
    fc.assert(
      fc.property(spacedHtml, (html) => {
        const result = cleanOrTypedError(html);
        if (!result) return;
        const input = new Set(tokens(decodeHTML(html)));
        for (const t of tokens(result.text)) expect(input.has(t) ? t : `${t} (not in the input)`).toBe(t);
      }),
      { numRuns: RUNS, seed: SEED + 2 },
    );
  });

  test('cleaning the output again changes nothing of substance', () => {
    fc.assert(
      fc.property(articlePage, ({ html, paragraphs }) => {
        const once = clean(html);
        for (const p of paragraphs) expect(once.body).toContain(p);
        const twice = clean(once.text, { mode: 'text' });
        const before = new Set(tokens(once.text));
        for (const t of tokens(twice.text)) expect(before.has(t)).toBe(true);
        for (const p of paragraphs) expect(twice.body).toContain(p);
      }),
      { numRuns: RUNS, seed: SEED + 3 },
    );
  });
});
