/**
 * Thresholds of the plain-text path (line classification, context, language detection).
 * Every number the text path decides by lives here, so it can be tuned without code edits.
 */
export interface TextThresholds {
  /** A line at least this long (characters) can be a body paragraph on its own. */
  minParagraphChars: number;

  // ── language detection ────────────────────────────────────────────────────
  /** Only this many leading characters are sampled for language detection. */
  languageSampleChars: number;
  /** A script (Han, Arabic, …) wins when it holds at least this share of all letters. */
  languageScriptShare: number;
  /** Among Han + kana letters, at least this share of kana means Japanese. */
  languageKanaShare: number;
  /** The winning stop-word list needs at least this many hits. */
  languageMinHits: number;
  /** … and this share of all words. */
  languageMinStopwordShare: number;
  /** … and this ratio over the runner-up's hits. */
  languageMinLead: number;
}

export const TEXT_DEFAULTS: TextThresholds = {
  minParagraphChars: 80,

  languageSampleChars: 200_000,
  languageScriptShare: 0.3,
  languageKanaShare: 0.1,
  languageMinHits: 3,
  languageMinStopwordShare: 0.08,
  languageMinLead: 1.2,
};
