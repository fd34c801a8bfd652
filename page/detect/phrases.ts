/**
 * Finding rule phrases in a control's name, word by word. One regex over every phrase (a trie of
 * several hundred, in seven languages) cost 4 to 13 ms to compile on each page the content
 * script starts on; a map from a phrase's first word to the phrases starting with it costs well
 * under a millisecond to build and finds the same phrases, as whole words only.
 */

/**
 * A word: letters, combining marks (Devanagari vowel signs), digits, and the few signs that are
 * part of a product's name ("Snapchat+") or a label ("Billing & payments"). Everything else
 * (spaces, commas, hyphens) only separates words.
 */
const WORD = /[\p{L}\p{M}\p{N}'+&]+/gu;

export interface Phrase {
  /** The phrase's words, lower-cased, apostrophes straight. */
  words: string[];
  /** The phrase as the rules' lookup knows it (its normalised text). */
  key: string;
}

/** First word to the phrases that start with it, longest first. */
export type PhraseIndex = Map<string, Phrase[]>;

/** The words of a lower-cased text, curly apostrophes straightened ("l’argent" is "l'argent"). */
function wordsOf(lower: string): string[] {
  return lower.replace(/[\u2018\u2019]/g, "'").match(WORD) ?? [];
}

export function indexPhrases(keys: Iterable<string>): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const key of keys) {
    const words = wordsOf(key);
    if (!words.length) continue;
    const starting = index.get(words[0]!);
    if (starting) starting.push({ words, key });
    else index.set(words[0]!, [{ words, key }]);
  }
  for (const phrases of index.values()) phrases.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/**
 * The phrases a lower-cased label holds, left to right, the longest at each place ("pay with
 * paypal" before "pay"), not overlapping. A phrase counts only if the label adds at most
 * `extraWords` words to it: a control's name is a few words around the phrase ("Try Premium for
 * $0"), while a sentence around it is someone's text (a comment row, a video title that is one
 * big link), not the feature.
 */
export function findPhrases(lower: string, index: PhraseIndex, extraWords: number): string[] {
  const words = wordsOf(lower);
  const found: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = index.get(words[i]!)?.find((p) => p.words.every((word, k) => words[i + k] === word));
    if (!phrase) {
      i++;
      continue;
    }
    if (words.length <= phrase.words.length + extraWords) found.push(phrase.key);
    i += phrase.words.length;
  }
  return found;
}
