/**
 * Plain-text path: the whole visible text of a page in, the article's lines out.
 *
 *   lines (segmentation) → language → per-line judgement (phrases, length, stop words,
 *   links, capitals) → best-scoring run of lines = main body, cut at comment sections →
 *   title → blocks with kind, role, kept and reason.
 *
 * See classify.ts for the method; every threshold is in config/text.ts.
 */
import type { CleanOptions } from '../config/options';
import { STOPWORDS } from '../config/stopwords';
import type { Block, BlockRole, Extraction } from '../types';
import { chooseRun, decide, judgeLine, type JudgedLine } from './classify';
import { detectLanguage } from './language';
import { splitLines } from './lines';
import { findTitle } from './title';

export { detectLanguage } from './language';

function roleOf(l: JudgedLine, next: JudgedLine | undefined, isTitle: boolean, minParagraph: number): BlockRole {
  if (isTitle) return 'heading';
  if (l.line.bullet) return 'list-item';
  if (l.f.sentenceEnd || l.f.chars >= minParagraph) return 'paragraph';
  if (next && (next.cls === 'good' || next.cls === 'near') && l.line.breakAfter) return 'heading';
  return 'line';
}

export function extractText(text: string, opts: CleanOptions): Extraction {
  const t = opts.text;
  const strategy = 'text-lines';
  const lines = splitLines(text);
  if (lines.length === 0) {
    return { title: null, language: null, blocks: [], strategy, emptyReason: 'the input has no text' };
  }
  const language = detectLanguage(text, t);
  const hasList = !!language && language in STOPWORDS;
  const judged = lines.map((l) => judgeLine(l, language, hasList, t));
  const run = chooseRun(judged, t);
  const decisions = decide(judged, run);
  const title = findTitle(judged, run ? run.start : null, t);

  if (title.line !== null) {
    decisions[title.line] = { kind: 'title', kept: true, reason: title.reason };
  }
  for (const d of title.duplicates) {
    decisions[d] = { kind: 'header', kept: false, reason: 'repeats the title' };
  }

  const blocks: Block[] = judged.map((l, index) => {
    const d = decisions[index]!;
    return {
      index,
      text: l.line.text,
      kind: d.kind,
      role: roleOf(l, judged[index + 1], d.kind === 'title', t.minParagraphChars),
      kept: d.kept,
      reason: d.reason,
    };
  });

  const extraction: Extraction = { title: title.title, language, blocks, strategy };
  if (!run) {
    extraction.emptyReason = `no run of prose lines scored at least ${t.minRunScore} (${lines.length} lines, ${
      judged.filter((j) => j.cls === 'good').length
    } prose-like)`;
  }
  return extraction;
}
