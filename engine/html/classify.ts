/**
 * Classify: give every block its kind, keep or drop it, and say why. Blocks outside the chosen
 * region are boilerplate; inside it, blocks under a boilerplate hint or made of links are too.
 */
import type { HtmlThresholds } from '../config/html';
import type { Block, BlockKind } from '../types';
import type { BlockFeatures, RootChoice } from './score';
import type { RawBlock, Region } from './segment';
import { titleKey } from './title';

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function classify(
  raw: RawBlock[],
  features: BlockFeatures[],
  regions: Region[],
  root: RootChoice,
  title: string | null,
  t: HtmlThresholds,
): Block[] {
  const region = root.region;
  const hasArticle = region !== null && root.positiveChars >= t.minArticleChars;
  const key = title ? titleKey(title) : '';
  return raw.map((b, index): Block => {
    const f = features[index];
    const base = { index, text: b.text, role: b.role, tag: b.tag };
    const lastHint = [...b.hints].reverse().find((h) => h.trusted) ?? null;
    if (key && b.role === 'heading' && titleKey(b.text) === key) {
      return { ...base, kind: 'title', kept: true, reason: 'matches the page title' };
    }
    const inside = hasArticle && index >= region.start && index < region.end;
    if (!inside) {
      const kind: BlockKind = lastHint?.kind ?? (f.linkDensity > t.maxLinkDensity ? 'navigation' : 'boilerplate');
      const why = hasArticle ? `outside the article region ${region.label}` : 'the page has no article region';
      return { ...base, kind, kept: false, reason: lastHint ? `${why}; ${lastHint.source}` : why };
    }
    // Hints set by elements inside the article region speak about this block; hints above it
    // were outweighed when the region was chosen.
    const innerHint = [...b.hints].reverse().find((h) => h.trusted && h.depth > region.depth) ?? null;
    if (innerHint) {
      const soft = f.hardHint === null || f.hardHint.depth <= region.depth;
      if (!soft || f.chars < t.softHintMaxChars) {
        return { ...base, kind: innerHint.kind, kept: false, reason: `inside the article region, under ${innerHint.source}` };
      }
    }
    if (f.teaser) {
      return { ...base, kind: 'related', kept: false, reason: 'teaser card: opens with a headline link' };
    }
    if (f.linkDensity > t.maxLinkDensity) {
      return { ...base, kind: f.chars > t.longBlockChars ? 'related' : 'navigation', kept: false, reason: `link density ${pct(f.linkDensity)}` };
    }
    return { ...base, kind: 'body', kept: true, reason: `in the article region ${region.label} (score ${f.score.toFixed(0)})` };
  });
}
