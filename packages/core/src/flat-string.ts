/**
 * `s`, flattened. A string built by concatenation (`${date}T${hh}:${mm}:${ss}`, `prefix + id`) is, in V8, a
 * tree of its pieces until something reads its characters: an instant built that way holds about 300 bytes
 * where its 24 characters take 40. Reading one character makes the engine copy it into one flat string, and
 * the garbage collector then drops the tree. Stores and generators that keep many strings call this on each;
 * elsewhere it costs a character read and changes nothing.
 */
export const flatString = (s: string): string => {
  s.charCodeAt(0)
  return s
}
