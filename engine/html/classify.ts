/**
 * Classify: give every block its kind, keep or drop it, and say why. Blocks outside the chosen
 * region are boilerplate; inside it, blocks under a boilerplate hint or made of links are too.
 */
import type { HtmlThresholds } from '../config/html';
import type { Block, BlockKind } from '../types';
import type { BlockFeatures, RootChoice } from './score';
import { type Hint, regionLabel, type RawBlock, type Region } from './segment';
import { titleKey } from './title';

/** The innermost trusted hint set deeper than `minDepth`. */
function innermostHint(hints: Hint[], minDepth: number): Hint | null {
  for (let i = hints.length - 1; i >= 0; i--) {
    const h = hints[i];
    if (h.trusted && h.depth > minDepth) return h;
  }
  return null;
}

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
  const rootLabel = region ? regionLabel(region) : '';
  return raw.map((b, index): Block => {
    const f = features[index];
    const block = (kind: BlockKind, kept: boolean, reason: string): Block => ({
      index,
      text: b.text,
      kind,
      role: b.role,
      kept,
      reason,
      tag: b.tag,
    });
    if (key && b.role === 'heading' && titleKey(b.text) === key) return block('title', true, 'matches the page title');
    const inside = hasArticle && index >= region.start && index < region.end;
    if (!inside) {
      const lastHint = innermostHint(b.hints, -1);
      const kind: BlockKind = lastHint?.kind ?? (f.linkDensity > t.maxLinkDensity ? 'navigation' : 'boilerplate');
      const why = hasArticle ? `outside the article region ${rootLabel}` : 'the page has no article region';
      return block(kind, false, lastHint ? `${why}; ${lastHint.source}` : why);
    }
    // Hints set by elements inside the article region speak about this block; hints above it
    // were outweighed when the region was chosen.
    const innerHint = innermostHint(b.hints, region.depth);
    if (innerHint) {
      const soft = f.hardHint === null || f.hardHint.depth <= region.depth;
      if (!soft || f.chars < t.softHintMaxChars) {
        return block(innerHint.kind, false, `inside the article region, under ${innerHint.source}`);
      }
    }
    if (f.teaser) {
      return block('related', false, 'teaser card: opens with a headline link');
    }
    if (f.linkDensity > t.maxLinkDensity) {
      return block(f.chars > t.longBlockChars ? 'related' : 'navigation', false, `link density ${pct(f.linkDensity)}`);
    }
    return block('body', true, `in the article region ${rootLabel} (score ${f.score.toFixed(0)})`);
  });
}
