/**
 * The HTML path walks a UTF-8 or windows-1252 page as its bytes (one character per byte) and
 * decodes only the pieces it keeps (engine/decode/page-chars.ts). Whatever it finds must be
 * exactly what it finds on the decoded text: same blocks, link counts, title, metadata.
 */
import { gunzipSync } from 'node:zlib';
import { datasetAvailable, loadDataset } from '../bench/dataset';
import { clean } from '../engine';
import { byteChars, textChars } from '../engine/decode/page-chars';
import { segment } from '../engine/html/segment';
import { decodeWindows1252 } from '../engine/decode/charset';

const NON_ASCII_PAGE = `<!doctype html><html lang="ru"><head>
<title>Москва — “новости” 🙂</title>
<meta property="og:title" content="Заголовок статьи · Überschrift">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Новости дня","inLanguage":"ru"}</script>
</head><body>
<nav class="меню nav"><a href="/">Главная</a> · <a href="/a">Статьи</a> · <a href="/b">Контакты</a></nav>
<article><h1>Москва — “новости” 🙂</h1>
<p><a href="/x">Ссылка в начале</a>, затем текст абзаца с буквами ё, ß, é и символом € — и так далее.</p>
<p>Второй абзац:&nbsp;неразрывный пробел, эмодзи 🙂🙂 и&nbsp;ссылка <a href="/y">здесь 東京</a>. Конец.</p>
<p>Третий абзац достаточно длинный, чтобы считаться текстом статьи, с запятыми, точками и словами.</p>
</article><footer>© 2026 Газета</footer></body></html>`;

describe('a UTF-8 page walked as bytes', () => {
  const bytes = Buffer.from(NON_ASCII_PAGE, 'utf8');
  const view = byteChars(bytes, 'utf-8')!;

  it('is walked as one character per byte', () => {
    expect([...view.pieces()].join('')).toBe(bytes.toString('latin1'));
    expect(view.pageLength).toBe(NON_ASCII_PAGE.length); // UTF-16 code units, emoji counting two
  });

  it('segments exactly as its decoded text does (blocks, link characters, title, metadata)', () => {
    const fromBytes = segment(view);
    expect(fromBytes).toEqual(segment(textChars(NON_ASCII_PAGE)));
    expect(fromBytes.meta.title).toBe('Москва — “новости” 🙂');
    expect(fromBytes.blocks.some((b) => b.text.includes('неразрывный пробел, эмодзи 🙂🙂 и ссылка здесь 東京'))).toBe(true);
  });

  it('gives clean() the same result as the same page passed as a string', () => {
    const fromBytes = clean(bytes);
    const fromString = clean(NON_ASCII_PAGE);
    expect(fromBytes.text).toBe(fromString.text);
    expect(fromBytes.blocks).toEqual(fromString.blocks);
    expect(fromBytes.stats.inputChars).toBe(NON_ASCII_PAGE.length);
    expect(fromBytes.title).toBe('Москва — “новости” 🙂');
  });
});

describe('a page larger than one piece', () => {
  // Paragraphs of ~1 KB each: the page is walked in several pieces, each ending before a `<`.
  const paragraph = (i: number): string => `<p class="para">Paragraph ${i}: ${'Słowo zażółć 🙂 '.repeat(60)}<a href="/l${i}">link ${i}</a>.</p>\n`;
  const html = `<html><head><title>Big</title></head><body><article>${Array.from({ length: 400 }, (_, i) => paragraph(i)).join('')}</article></body></html>`;
  const bytes = Buffer.from(html, 'utf8');
  const view = byteChars(bytes, 'utf-8')!;

  it('comes in pieces that end before a tag and add up to the page', () => {
    const pieces = [...view.pieces()];
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(bytes.toString('latin1'));
    for (const piece of pieces.slice(1)) expect(piece.startsWith('<')).toBe(true);
  });

  it('segments exactly as its decoded text does', () => {
    const fromBytes = segment(view);
    expect(fromBytes).toEqual(segment(textChars(html)));
    expect(fromBytes.blocks).toHaveLength(400);
    expect(fromBytes.blocks[399].linkChars).toBe('link 399'.length);
  });
});

describe('a tag or a text cut between pieces', () => {
  it('is read whole: a 150 KB class list, a 150 KB run of text, a long script', () => {
    const classes = `${'col-md-6 '.repeat(17_000)}share-bar`;
    const html =
      `<html><body><script>${'var x = 1;'.repeat(15_000)}</script>` +
      `<div class="${classes}" id="x"><p>Share this story on every network you know.</p></div>` +
      `<article><p>${'Zażółć gęślą jaźń, a sentence of prose. '.repeat(4_000)}</p></article></body></html>`;
    const view = byteChars(Buffer.from(html, 'utf8'), 'utf-8')!;
    expect([...view.pieces()].length).toBeGreaterThan(4);
    const fromBytes = segment(view);
    expect(fromBytes).toEqual(segment(textChars(html)));
    expect(fromBytes.blocks[0].hints.map((h) => h.kind)).toEqual(['share']);
    expect(fromBytes.blocks[1].text).toHaveLength('Zażółć gęślą jaźń, a sentence of prose. '.repeat(4_000).trim().length);
  });
});

describe('a windows-1252 page walked as bytes', () => {
  const bytes = Buffer.from(
    '<html><head><meta charset="windows-1252"><title>Caf\xe9 \x80 \x93news\x94</title></head><body>' +
      '<p>Le caf\xe9 co\xfbte 2 \x80 \x96 c\x92est la pause, dit-il \x85 et il a raison, vraiment.</p></body></html>',
    'latin1',
  );
  it('decodes its pieces with windows-1252 (0x80 is €, 0x92 is ’)', () => {
    const view = byteChars(bytes, 'windows-1252')!;
    expect(segment(view)).toEqual(segment(textChars(decodeWindows1252(bytes))));
    const result = clean(bytes);
    expect(result.title).toBe('Café € “news”');
    expect(result.blocks.map((b) => b.text)).toContain('Le café coûte 2 € – c’est la pause, dit-il … et il a raison, vraiment.');
    expect(result.encoding.charset).toBe('windows-1252');
  });
});

describe('charsets that are not walked as bytes', () => {
  it.each(['utf-16le', 'shift_jis', 'iso-2022-jp', 'windows-1251'])('%s is decoded whole', (charset) => {
    expect(byteChars(Buffer.from('<p>x</p>'), charset)).toBeNull();
  });
});

(datasetAvailable() ? it : it.skip)('every benchmark page segments the same from its bytes as from its text', () => {
  const differing: string[] = [];
  const pages = loadDataset();
  for (const page of pages) {
    const bytes = gunzipSync(page.htmlGz);
    const result = clean(page.htmlGz);
    if (result.encoding.charset !== 'utf-8') continue;
    const same = JSON.stringify(segment(byteChars(bytes, 'utf-8')!)) === JSON.stringify(segment(new TextDecoder().decode(bytes)));
    if (!same || result.stats.inputChars !== new TextDecoder().decode(bytes).length) differing.push(page.id);
  }
  expect(pages.length).toBeGreaterThan(100);
  expect(differing).toEqual([]);
});
