/**
 * A set of 32-bit hashes kept as bits (a Bloom filter with one hash): "no" is certain, "maybe"
 * is confirmed by the caller's own lookup. For word lists read in place, where most words of
 * a page are in no list and one bit says so without making a string or probing a Map.
 */
export class HashBits {
  private readonly words: Uint32Array;
  private readonly mask: number;

  /** `log2Size`: the number of bits, as a power of two (14 → 16,384 bits, 2 KB). */
  constructor(private readonly log2Size: number) {
    this.words = new Uint32Array((1 << log2Size) >>> 5);
    this.mask = (1 << log2Size) - 1;
  }

  private bit(hash: number): number {
    return (hash ^ (hash >>> this.log2Size)) & this.mask;
  }

  add(hash: number): void {
    const bit = this.bit(hash);
    this.words[bit >>> 5]! |= 1 << (bit & 31);
  }

  mayHave(hash: number): boolean {
    const bit = this.bit(hash);
    return (this.words[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }
}
