/**
 * The filter version: one constant that changes whenever the engine's output for some input
 * can change (rules, thresholds, word lists, text layout). Outputs and metadata items carry it,
 * so "is this page's cleaning current?" is a string comparison.
 */

export const FILTER_VERSION = '2026.12.05-141';
