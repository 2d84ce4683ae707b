/**
 * Drawing lots without a coin: where a count's rule leaves a tie, the tied option whose
 * `lotNumber` is lowest goes first. The number is FNV-1a (32-bit) of "poll:round:option", so
 * the draw is the same for everyone who recounts from the same ballots, favours no place in the
 * option list, and cannot be steered after the ballots are in (the ids were fixed before the
 * first ballot).
 */
export function lotNumber(...parts: (string | number)[]): number {
  const text = parts.join(':');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
