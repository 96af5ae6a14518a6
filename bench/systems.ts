/**
 * The systems the benchmark compares: winnow itself, Mozilla Readability.js 0.6 on linkedom and
 * on jsdom, and a parse-only floor (htmlparser2 parse + all text). Each takes the page as
 * stored (gzip bytes) and returns its article text; unzipping and decoding are part of the
 * measured work for all of them.
 */
import { gunzipSync } from 'node:zlib';
import type { clean as cleanFn } from '../engine';
import { bundleEngine } from './bundle';

export type SystemName = 'winnow' | 'winnow-text' | 'parse-only' | 'readability-linkedom' | 'readability-jsdom';

export type Extractor = (input: Buffer | string) => string;

function htmlString(input: Buffer | string): string {
  if (typeof input === 'string') return input;
  const bytes = input[0] === 0x1f && input[1] === 0x8b ? gunzipSync(input) : input;
  return new TextDecoder('utf-8').decode(bytes);
}

export function loadSystem(name: SystemName): Extractor {
  switch (name) {
    case 'winnow':
    case 'winnow-text': {
      const { clean } = require(bundleEngine()) as { clean: typeof cleanFn };
      return name === 'winnow' ? (input) => clean(input).body : (input) => clean(input, { mode: 'text' }).body;
    }
    case 'parse-only': {
      // The floor: htmlparser2's Parser (entities decoded) over the whole page, every text node collected.
      const { Parser } = require('htmlparser2') as typeof import('htmlparser2');
      return (input) => {
        const parts: string[] = [];
        const parser = new Parser({ ontext: (text) => parts.push(text) }, { decodeEntities: true });
        parser.end(htmlString(input));
        return parts.join('');
      };
    }
    case 'readability-linkedom': {
      const { Readability } = require('@mozilla/readability') as typeof import('@mozilla/readability');
      const { parseHTML } = require('linkedom') as typeof import('linkedom');
      return (input) => {
        const { document } = parseHTML(htmlString(input));
        return new Readability(document as unknown as Document).parse()?.textContent ?? '';
      };
    }
    case 'readability-jsdom': {
      const { Readability } = require('@mozilla/readability') as typeof import('@mozilla/readability');
      const { JSDOM, VirtualConsole } = require('jsdom') as typeof import('jsdom');
      const virtualConsole = new VirtualConsole(); // jsdom's CSS parser complains loudly on some pages
      return (input) => {
        const dom = new JSDOM(htmlString(input), { virtualConsole });
        try {
          return new Readability(dom.window.document).parse()?.textContent ?? '';
        } finally {
          dom.window.close();
        }
      };
    }
  }
}
