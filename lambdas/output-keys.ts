/** Where the outputs of an input key go in the output bucket, and which of them are written. */
export interface OutputKeys {
  text: string;
  json: string;
  markdown: string;
}

/**
 * The outputs a pipeline can write (`WINNOW_OUTPUTS`, CDK context `outputs`); text and json by
 * default. `batch` is one gzipped JSON-lines object per SQS batch (lambdas/batch-output.ts).
 */
export type OutputKind = 'text' | 'markdown' | 'json' | 'batch';
export const OUTPUT_KINDS: readonly OutputKind[] = ['text', 'markdown', 'json', 'batch'];
export const DEFAULT_OUTPUTS: readonly OutputKind[] = ['text', 'json'];

/** `text,json,markdown` → the kinds, or an error naming what is wrong. */
export function parseOutputs(value: string | undefined): OutputKind[] {
  if (!value || !value.trim()) return [...DEFAULT_OUTPUTS];
  const kinds = value.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);
  const bad = kinds.filter((k) => !(OUTPUT_KINDS as readonly string[]).includes(k));
  if (bad.length || kinds.length === 0) {
    throw new Error(`outputs must be a comma-separated list of ${OUTPUT_KINDS.join(', ')}, not "${value}"`);
  }
  return OUTPUT_KINDS.filter((k) => kinds.includes(k));
}

/** What the Markdown output adds beyond emphasis (`WINNOW_MARKDOWN`, CDK context `markdown`): none by default. */
export type MarkdownExtra = 'links' | 'images' | 'no-emphasis';
export const MARKDOWN_EXTRAS: readonly MarkdownExtra[] = ['links', 'images', 'no-emphasis'];

/** `links,images` → the engine's `markdown` option (emphasis on unless `no-emphasis`); empty or `none`: the defaults. */
export function parseMarkdownExtras(value: string | undefined): { links: boolean; images: boolean; emphasis: boolean } {
  const extras = (value ?? '').split(',').map((v) => v.trim().toLowerCase()).filter((v) => v && v !== 'none');
  const bad = extras.filter((e) => !(MARKDOWN_EXTRAS as readonly string[]).includes(e));
  if (bad.length) throw new Error(`markdown must be a comma-separated list of ${MARKDOWN_EXTRAS.join(', ')} (or none), not "${value}"`);
  return { links: extras.includes('links'), images: extras.includes('images'), emphasis: !extras.includes('no-emphasis') };
}

export function outputKeys(inputKey: string): OutputKeys {
  return {
    text: `text/${inputKey.replace(/\.gz$/i, '')}`,
    json: `json/${inputKey}.json`,
    markdown: `md/${inputKey}.md`,
  };
}
