/**
 * Inputs a crawl brings back that are not pages: each with the code its item must end with.
 * Shared by test/hostile.test.ts (behaviour) and bench/hostile.ts (peak memory).
 */
import { createGzip, gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';

export interface HostileInput {
  name: string;
  key: string;
  body: () => Promise<Buffer>;
  contentType?: string;
  /** Codes the item may end with (a single one where only one is right). */
  codes: string[];
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1c1b90000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** A zip archive holding one small text file, written by hand (local header, data, central directory). */
function zip(): Buffer {
  const name = Buffer.from('a.txt');
  const data = Buffer.from('hello zip');
  const crc = 0x2b0e0f2b; // not checked by anything here; the signature is what matters
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** 1 GB of zeros, gzipped as it streams (about 1 MB), never held whole. */
export async function gzipBomb(bytes = 1024 ** 3): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024);
  let left = bytes;
  const zeros = new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
  return buffer(zeros.pipe(createGzip({ level: 9 })));
}

const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

export const HOSTILE_INPUTS: HostileInput[] = [
  { name: 'a zero-byte object', key: 'hostile/empty.html', body: async () => Buffer.alloc(0), codes: ['EMPTY_INPUT'] },
  { name: 'a PNG image', key: 'hostile/image.png', body: async () => PNG, codes: ['BINARY_INPUT'] },
  { name: 'a PDF', key: 'hostile/doc.pdf', body: async () => PDF, codes: ['BINARY_INPUT'] },
  { name: 'a zip archive', key: 'hostile/archive.zip', body: async () => zip(), codes: ['BINARY_INPUT'] },
  {
    name: 'an object over the size limit (failed from its size, not downloaded)',
    key: 'hostile/huge.html',
    body: async () => Buffer.from(page('<p>' + 'word '.repeat(2_300_000) + '</p>')),
    codes: ['TOO_LARGE'],
  },
  { name: 'a gzip bomb (1 GB of zeros)', key: 'hostile/bomb.html.gz', body: () => gzipBomb(), codes: ['GZIP_BOMB', 'TOO_LARGE'] },
  {
    name: 'a truncated gzip',
    key: 'hostile/truncated.html.gz',
    body: async () => {
      const whole = gzipSync(Buffer.from(page(Array.from({ length: 500 }, (_, i) => `<p>Paragraph ${i * 7919} of a page.</p>`).join(''))));
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
    codes: ['BAD_GZIP'],
  },
  {
    name: 'bytes that are valid in no declared charset',
    key: 'hostile/garbage.html',
    body: async () => {
      const head = Buffer.from('<html><head><meta charset="utf-8"></head><body><p>');
      const junk = Buffer.alloc(200_000);
      for (let i = 0; i < junk.length; i++) junk[i] = 0x80 + ((i * 7919) % 0x7f); // never valid UTF-8 lead/continuation order
      return Buffer.concat([head, junk, Buffer.from('</p></body></html>')]);
    },
    codes: ['NO_CONTENT', 'BINARY_INPUT'],
  },
  {
    name: 'HTML nested 100,000 elements deep',
    key: 'hostile/deep.html',
    body: async () => Buffer.from(page('<div>'.repeat(100_000) + '</div>'.repeat(100_000))),
    codes: ['NO_CONTENT'],
  },
  { name: 'one 10 MB line with no spaces', key: 'hostile/line.txt', body: async () => Buffer.from('x'.repeat(10_000_000)), codes: ['NO_CONTENT'] },
  {
    name: 'a page of a million empty elements',
    key: 'hostile/million.html',
    body: async () => Buffer.from(page('<p></p>'.repeat(1_000_000))),
    codes: ['NO_CONTENT'],
  },
  {
    name: 'inputs crafted to make regular expressions backtrack',
    key: 'hostile/backtrack.html',
    body: async () =>
      Buffer.from(
        page(
          `<p class="${'a-'.repeat(50_000)}b">${' '.repeat(200_000)}!</p>` +
            `<p>${'a'.repeat(100)} `.repeat(10_000) + `</p><div class="${'share-'.repeat(20_000)}x">${'.'.repeat(100_000)}</div>` +
            `<p>${'&amp'.repeat(50_000)}</p><p>${'. '.repeat(50_000)}</p><meta charset="${'x'.repeat(100_000)}">` +
            `<p title="${'"'.repeat(10)}${'<'.repeat(50_000)}</p><!--${'-'.repeat(100_000)}`,
        ),
      ),
    codes: ['NO_CONTENT'],
  },
];
