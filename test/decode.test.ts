import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { resolveOptions, type CleanOptionsInput } from '../engine/config/options';
import { decode, type Decoded } from '../engine/decode';
import { sniffFormat } from '../engine/decode/sniff';
import { isWinnowError, type WinnowErrorCode } from '../engine/errors';

const FIXTURES = join(__dirname, 'fixtures', 'decode');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));
const run = (input: Uint8Array | string, options?: CleanOptionsInput): Decoded => decode(input, resolveOptions(options));

function errorOf(fn: () => unknown): { code: WinnowErrorCode; message: string } {
  try {
    fn();
  } catch (err) {
    if (isWinnowError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a WinnowError, got a result');
}

const UNI = 'Grüße aus Zürich – 東京 – Москва';
const MOSCOW = 'Москва - столица России';

describe('charset', () => {
  test('UTF-8 BOM: used and cut', () => {
    const d = run(fixture('utf8-bom.txt'));
    expect(d).toMatchObject({ charset: 'utf-8', source: 'bom', gzip: false });
    expect(d.text).toBe(`${UNI}\n`);
  });

  test('UTF-16LE BOM (NUL bytes are no binary sign here)', () => {
    const d = run(fixture('utf16le-bom.txt'));
    expect(d).toMatchObject({ charset: 'utf-16le', source: 'bom' });
    expect(d.text).toBe(`${UNI}\n`);
  });

  test('UTF-16BE BOM', () => {
    const d = run(fixture('utf16be-bom.txt'));
    expect(d).toMatchObject({ charset: 'utf-16be', source: 'bom' });
    expect(d.text).toBe(`${UNI}\n`);
  });

  test('BOM wins over a contradicting Content-Type and meta', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="koi8-r">Zürich', 'utf8')]);
    const d = run(bytes, { contentType: 'text/html; charset=windows-1251' });
    expect(d).toMatchObject({ charset: 'utf-8', source: 'bom' });
    expect(d.text).toContain('Zürich');
  });

  test('Content-Type charset (S3 style), latin1 label mapped to windows-1252 as browsers do', () => {
    // 0x80 is € and 0x93/0x94 curly quotes in windows-1252, C1 controls in real ISO-8859-1.
    const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35, 0x20, 0x93, 0x6f, 0x6b, 0x94]);
    const d = run(bytes, { contentType: 'text/html; charset=ISO-8859-1' });
    expect(d).toMatchObject({ charset: 'windows-1252', source: 'content-type' });
    expect(d.text).toBe('café €5 “ok”');
  });

  test('Content-Type charset beats the meta, quoted values accepted', () => {
    const bytes = fixture('cp1251-meta.html');
    const d = run(bytes, { contentType: 'text/html; charset="KOI8-R"' });
    expect(d).toMatchObject({ charset: 'koi8-r', source: 'content-type' });
  });

  test('<meta charset> (windows-1251 page)', () => {
    const d = run(fixture('cp1251-meta.html'));
    expect(d).toMatchObject({ charset: 'windows-1251', source: 'meta' });
    expect(d.text).toContain(MOSCOW);
    expect(d.text).toContain('<title>Москва</title>');
  });

  test('<meta http-equiv="Content-Type" content="…charset=…">, a commented-out meta is skipped', () => {
    const d = run(fixture('cp1251-http-equiv.html'));
    expect(d).toMatchObject({ charset: 'windows-1251', source: 'meta' });
    expect(d.text).toContain(MOSCOW);
  });

  test('a meta after the prescan window is not seen', () => {
    const bytes = Buffer.concat([
      Buffer.from(`<html><head><!-- ${'x'.repeat(5000)} --><meta charset="windows-1251">`),
      Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]),
    ]);
    expect(run(bytes).source).toBe('fallback');
    expect(run(bytes, { decode: { metaPrescanBytes: 8192 } })).toMatchObject({ source: 'meta', charset: 'windows-1251' });
  });

  test('valid UTF-8 without any declaration', () => {
    const d = run(fixture('utf8-undeclared.txt'));
    expect(d).toMatchObject({ charset: 'utf-8', source: 'utf8-valid' });
    expect(d.text).toBe(`${UNI}\n`);
  });

  test('pure ASCII is valid UTF-8', () => {
    expect(run(Buffer.from('plain words'))).toMatchObject({ charset: 'utf-8', source: 'utf8-valid' });
  });

  test('windows-1252 fallback for undeclared non-UTF-8 bytes (0x80–0x9F mapped, not C1 controls)', () => {
    const d = run(fixture('cp1252-undeclared.html'));
    expect(d).toMatchObject({ charset: 'windows-1252', source: 'fallback' });
    expect(d.text).toContain('Le café du coin sert un “crème” à 2 € – c’est la pause');
  });

  test('unknown labels fall through to the next rule', () => {
    const cp1251Page = fixture('cp1251-meta.html');
    const d1 = run(cp1251Page, { contentType: 'text/html; charset=no-such-charset' });
    expect(d1).toMatchObject({ charset: 'windows-1251', source: 'meta' });
    expect(d1.ignoredDeclaration).toMatchObject({ label: 'no-such-charset', source: 'content-type' });

    const metaUnknown = Buffer.concat([Buffer.from('<meta charset="klingon-8">'), Buffer.from('Zürich', 'utf8')]);
    expect(run(metaUnknown)).toMatchObject({ charset: 'utf-8', source: 'utf8-valid' });
    const metaUnknown1252 = Buffer.concat([Buffer.from('<meta charset="klingon-8">caf'), Buffer.from([0xe9])]);
    const d2 = run(metaUnknown1252);
    expect(d2).toMatchObject({ charset: 'windows-1252', source: 'fallback' });
    expect(d2.text.endsWith('café')).toBe(true);
  });

  test('declared UTF-8 that is not UTF-8 at all falls back to windows-1252', () => {
    const bytes = Buffer.from('<meta charset="utf-8"><p>caf\xe9 cr\xe8me br\xfbl\xe9e</p>', 'latin1');
    const d = run(bytes);
    expect(d).toMatchObject({ charset: 'windows-1252', source: 'fallback' });
    expect(d.text).toContain('café crème brûlée');
    expect(d.ignoredDeclaration?.why).toMatch(/not UTF-8/);
  });

  test('declared UTF-8 that is mostly UTF-8 keeps UTF-8, the bad byte becomes U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('Zürich, Genève, Köln '), Buffer.from([0xff]), Buffer.from(' ok')]);
    const d = run(bytes, { contentType: 'text/plain; charset=utf-8' });
    expect(d).toMatchObject({ charset: 'utf-8', source: 'content-type', lossy: true });
    expect(d.text).toBe('Zürich, Genève, Köln \ufffd ok');
  });

  test('a stale legacy declaration on valid multi-byte UTF-8 is overruled (no mojibake)', () => {
    const bytes = Buffer.from('<meta charset="iso-8859-1"><p>Zürich</p>', 'utf8');
    const d = run(bytes);
    expect(d).toMatchObject({ charset: 'utf-8', source: 'utf8-valid' });
    expect(d.text).toContain('Zürich');
    expect(d.ignoredDeclaration).toMatchObject({ label: 'iso-8859-1', source: 'meta' });
    // …and followed when the override is switched off.
    const strict = run(bytes, { decode: { utf8OverrideMinSequences: 0 } });
    expect(strict).toMatchObject({ charset: 'windows-1252', source: 'meta' });
    expect(strict.text).toContain('ZÃ¼rich');
  });

  test('UTF-16 declared in Content-Type without a BOM', () => {
    const d = run(Buffer.from('Grüße', 'utf16le'), { contentType: 'text/plain; charset=utf-16le' });
    expect(d).toMatchObject({ charset: 'utf-16le', source: 'content-type', text: 'Grüße' });
  });

  test('UTF-16 declared in a meta means UTF-8 (the meta was readable as ASCII)', () => {
    const d = run(Buffer.from('<meta charset="utf-16"><p>Zürich</p>', 'utf8'));
    expect(d).toMatchObject({ charset: 'utf-8', source: 'meta' });
  });

  test('Shift_JIS through the platform decoder', () => {
    const sjis = Buffer.from([0x93, 0x8c, 0x8b, 0x9e]); // 東京
    const d = run(Buffer.concat([Buffer.from('<meta charset="Shift_JIS"><p>'), sjis]));
    expect(d.charset).toBe('shift_jis');
    expect(d.text).toContain('東京');
  });

  test('a string skips decoding (a leading BOM character is dropped)', () => {
    const d = run('\ufeffGrüße');
    expect(d).toMatchObject({ charset: 'utf-16', source: 'string', text: 'Grüße', gzip: false });
    expect(d.bytes).toBe(Buffer.byteLength('\ufeffGrüße'));
  });
});

describe('gzip', () => {
  test('recognised by magic bytes and gunzipped', () => {
    const d = run(fixture('page.html.gz'));
    expect(d).toMatchObject({ gzip: true, gzipLayers: 1, charset: 'utf-8', source: 'meta' });
    expect(d.text).toContain(UNI);
    expect(d.bytes).toBe(Buffer.byteLength(d.text));
  });

  test('a gzip of a gzip is unwrapped once more, a third layer is BAD_GZIP', () => {
    const twice = gzipSync(gzipSync(Buffer.from('hello twice')));
    expect(run(twice)).toMatchObject({ text: 'hello twice', gzip: true, gzipLayers: 2 });
    expect(errorOf(() => run(gzipSync(twice))).code).toBe('BAD_GZIP');
    expect(errorOf(() => run(twice, { decode: { maxGzipLayers: 1 } })).code).toBe('BAD_GZIP');
  });

  test('truncated gzip → BAD_GZIP', () => {
    const e = errorOf(() => run(fixture('truncated.html.gz')));
    expect(e.code).toBe('BAD_GZIP');
    expect(e.message).toMatch(/truncated/);
  });

  test('corrupt gzip (bad CRC) → BAD_GZIP', () => {
    const gz = Buffer.from(fixture('page.html.gz'));
    gz[gz.length - 8]! ^= 0xff;
    expect(errorOf(() => run(gz)).code).toBe('BAD_GZIP');
  });

  test('the trailer size (ISIZE) only sizes the first buffer: wrong ones fail, multi-member gzip decodes whole', () => {
    const page = `<p>${Array.from({ length: 4000 }, (_, i) => `Satz ${i * 7919} über Zürich.`).join(' ')}</p>`;
    const gz = gzipSync(Buffer.from(page));
    expect(run(gz).text).toBe(page);
    for (const isize of [0, 1, 0xffffffff]) {
      const lying = Buffer.from(gz);
      lying.writeUInt32LE(isize, lying.length - 4);
      expect(errorOf(() => run(lying)).code).toBe('BAD_GZIP');
    }
    // Two members end to end: the trailer announces only the last one's size.
    const twoMembers = Buffer.concat([gzipSync(Buffer.from(page)), gzipSync(Buffer.from('<p>tail</p>'))]);
    expect(run(twoMembers).text).toBe(`${page}<p>tail</p>`);
  });

  test('gzip bomb → GZIP_BOMB, stopped at the cap', () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024)); // ~4 KB of gzip
    expect(bomb.length).toBeLessThan(8 * 1024);
    const e = errorOf(() => run(bomb));
    expect(e.code).toBe('GZIP_BOMB');
    expect(e.message).toMatch(/200 times/);
    expect(errorOf(() => run(bomb, { decode: { maxGzipRatio: 20, maxBytes: 2 * 1024 * 1024 } })).code).toBe('GZIP_BOMB');
  });

  test('expansion within the ratio but over maxBytes → TOO_LARGE', () => {
    const big = gzipSync(Buffer.alloc(300 * 1024, 0x61));
    const e = errorOf(() => run(big, { decode: { maxBytes: 100 * 1024, maxGzipRatio: 100000 } }));
    expect(e.code).toBe('TOO_LARGE');
  });

  test('a highly compressible but small page is not a bomb', () => {
    const page = `<p>${'la '.repeat(10000)}</p>`; // 30 KB → well over 200× smaller gzipped
    const gz = gzipSync(Buffer.from(page));
    expect(page.length / gz.length).toBeGreaterThan(200);
    expect(run(gz).text).toBe(page);
  });
});

describe('typed errors', () => {
  test.each<[string, Uint8Array | string]>([
    ['zero bytes', new Uint8Array(0)],
    ['whitespace-only bytes', Buffer.from(' \n\t\r\n  ')],
    ['a BOM and whitespace', Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a])],
    ['gzip of nothing', gzipSync(Buffer.alloc(0))],
    ['empty string', ''],
    ['whitespace string', '  \n\u00a0 '],
  ])('EMPTY_INPUT: %s', (_name, input) => {
    expect(errorOf(() => run(input)).code).toBe('EMPTY_INPUT');
  });

  test.each([
    ['PDF', 'tiny.pdf', /PDF/],
    ['PNG', 'tiny.png', /PNG/],
    ['JPEG', 'tiny.jpg', /JPEG/],
    ['zip', 'tiny.zip', /zip/],
  ])('BINARY_INPUT: %s by magic bytes', (_name, file, message) => {
    const e = errorOf(() => run(fixture(file)));
    expect(e.code).toBe('BINARY_INPUT');
    expect(e.message).toMatch(message);
  });

  test('BINARY_INPUT: a gzipped PDF is still a PDF', () => {
    expect(errorOf(() => run(gzipSync(fixture('tiny.pdf')))).code).toBe('BINARY_INPUT');
  });

  test('BINARY_INPUT: GIF, WebP, 7z, ELF', () => {
    const riff = Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WEBPVP8 ')]);
    for (const bytes of [Buffer.from('GIF89a\x01\x00', 'latin1'), riff, Buffer.from('377abcaf271c0004', 'hex'), Buffer.from('\x7fELF\x02\x01\x01', 'latin1')]) {
      expect(errorOf(() => run(bytes)).code).toBe('BINARY_INPUT');
    }
  });

  test('BINARY_INPUT: a NUL byte in the sniffed head', () => {
    const e = errorOf(() => run(Buffer.from('looks like text\0but is not')));
    expect(e.code).toBe('BINARY_INPUT');
    expect(e.message).toMatch(/NUL byte at offset 15/);
  });

  test('BINARY_INPUT: a high share of control characters', () => {
    const bytes = Buffer.from('abc\x01\x02\x03def\x04\x05ghi\x06\x07'.repeat(20), 'latin1');
    expect(errorOf(() => run(bytes)).code).toBe('BINARY_INPUT');
    // A stray control character in real text is fine.
    expect(run(Buffer.from(`${'word '.repeat(100)}\x01 end`)).text).toMatch(/end$/);
  });

  test('BINARY_INPUT: a string with a NUL', () => {
    expect(errorOf(() => run(`${'text '.repeat(2000)}\0`)).code).toBe('BINARY_INPUT');
  });

  test('BINARY_INPUT: UTF-16 with a BOM that decodes to NULs', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab\0cd', 'utf16le')]);
    expect(errorOf(() => run(bytes)).code).toBe('BINARY_INPUT');
  });

  test('TOO_LARGE: bytes, and a string by length', () => {
    const e = errorOf(() => run(Buffer.alloc(2048, 0x61), { decode: { maxBytes: 1024 } }));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toMatch(/limit/);
    expect(errorOf(() => run('a'.repeat(2048), { decode: { maxBytes: 1024 } })).code).toBe('TOO_LARGE');
    expect(run(Buffer.alloc(1024, 0x61), { decode: { maxBytes: 1024 } }).bytes).toBe(1024);
  });

  test('TOO_LARGE by default above 10 MB', () => {
    const e = errorOf(() => run(Buffer.alloc(10 * 1024 * 1024 + 1, 0x61)));
    expect(e.code).toBe('TOO_LARGE');
  });
});

describe('sniffFormat', () => {
  test.each([
    ['doctype', '<!DOCTYPE html><title>x</title>'],
    ['doctype after BOM and whitespace', '\ufeff \n\n<!doctype HTML>\n<p>x'],
    ['<html>', '<html lang="en"><p>Hello</p></html>'],
    ['<head> after an XML prolog', '<?xml version="1.0"?>\n<head><title>x</title></head>'],
    ['<body> late in the head window', `${'Intro words. '.repeat(50)}<body class="a">`],
    ['a fragment starting with a tag', '<div class="story"><p>Hello world</p></div>'],
    ['a fragment starting with a comment', '<!-- saved page -->\nSome text'],
    ['prose then a dense run of tags', 'Saved from the web:\n<div><p>One</p><p>Two</p><ul><li>x</li></ul></div>'],
  ])('html: %s', (_name, text) => {
    expect(sniffFormat(text)).toBe('html');
  });

  test.each([
    ['a plain article', 'The Harbour Reopens\n\nAfter eighteen months of repairs, the harbour reopened.'],
    ['an article that mentions <p> once', 'In HTML, the <p> element marks a paragraph. Writers rarely type it by hand.'],
    ['a couple of tag mentions', 'Use <b> for bold and <i> for italics, or better, use CSS instead of both.'],
    ['angle brackets that are not tags', 'if a < b and b > c then <tbd> is unknown <3'],
    ['</body> is not <body', 'Close it with </body> at the end of the file.'],
  ])('text: %s', (_name, text) => {
    expect(sniffFormat(text)).toBe('text');
  });

  test('looks only at a bounded window (linear on huge input)', () => {
    const huge = `${'word '.repeat(2_000_000)}<html>`;
    const t0 = Date.now();
    expect(sniffFormat(huge)).toBe('text');
    expect(Date.now() - t0).toBeLessThan(500);
    expect(sniffFormat(`${'<p'.repeat(500_000)}`)).toBe('text');
  });
});
