/**
 * Ordering and duplicates. S3 delivers events at least once and not always in order; the
 * handler makes every object end with the result of its newest version, written once.
 *
 * - With a `sequencer` (real S3): sequencers of one key grow with time; they are hex strings
 *   of varying length, so they are compared after left-padding. The item stores the padded
 *   form and every write is conditional on not going backwards.
 * - Without one (moto): the event is only a trigger. The handler reads the object's current
 *   ETag and LastModified with HeadObject, skips the event when the object has changed or gone
 *   since, and writes conditionally on LastModified not going backwards.
 */
export const SEQUENCER_WIDTH = 40;

export function sequencerKey(sequencer: string | null | undefined): string | undefined {
  if (!sequencer) return undefined;
  const hex = sequencer.trim().toUpperCase();
  return hex.length >= SEQUENCER_WIDTH ? hex : hex.padStart(SEQUENCER_WIDTH, '0');
}

/** Is `a` (an event's sequencer) older than `b` (the stored one)? */
export function isOlder(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a < b;
}
