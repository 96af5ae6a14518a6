/** Thresholds of the plain-text path (line and paragraph classification). */
export interface TextThresholds {
  /** A line at least this long (characters) can be a body paragraph on its own. */
  minParagraphChars: number;
}

export const TEXT_DEFAULTS: TextThresholds = {
  minParagraphChars: 80,
};
