/** Thresholds of the HTML path. */
export interface HtmlThresholds {
  /** Placeholder until the HTML path lands. */
  minParagraphChars: number;
}

export const HTML_DEFAULTS: HtmlThresholds = {
  minParagraphChars: 25,
};
