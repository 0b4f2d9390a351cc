// A light English suffix stemmer and stop list for term matching (claims, related coverage). Deterministic,
// table-free; conflates inflections and common derivations ("killing"/"killed"/"kills" → "kill").
export const STOP_WORDS = new Set(
  (
    "a about above after again against all also am an and any are aren't as at be because been before being below between both but by can " +
    "cannot could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if " +
    "in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she " +
    "should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we " +
    "were what when where which while who whom why will with would you your yours yourself yourselves said says say told tell according " +
    "mr mrs ms one two also however would could may might must shall us it's i'm he's she's that's there's what's who's them's last year years " +
    "new many much like even still well back since via per yet ago"
  ).split(" "),
);

const STEP: [RegExp, string][] = [
  [/ational$/, "ate"],
  [/tional$/, "tion"],
  [/ization$/, "ize"],
  [/isation$/, "ize"],
  [/ise$/, "ize"],
  [/fulness$/, "ful"],
  [/ousness$/, "ous"],
  [/iveness$/, "ive"],
  [/ments?$/, ""],
  [/ations?$/, ""],
  [/ated$/, ""],
  [/ied$/, "y"],
  [/ings?$/, ""],
  [/edly$/, ""],
  [/ed$/, ""],
  [/ies$/, "y"],
  [/([^pril])ly$/, "$1"],
  [/es$/, "e"],
  [/s$/, ""],
];

/** Stems one lower-case word; words of four letters or fewer, numbers and names-with-digits stay as they are. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  // Pure and called per word by claims and related coverage: each distinct word is stemmed once.
  const hit = stemCache.get(word);
  if (hit !== undefined) return hit;
  if (stemCache.size > 100_000) stemCache.clear();
  const out = stemUncached(word);
  stemCache.set(word, out);
  return out;
}

const stemCache = new Map<string, string>();

function stemUncached(word: string): string {
  if (/\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("ss")) return w;
  for (const [re, rep] of STEP) {
    if (re.test(w)) {
      const cand = w.replace(re, rep);
      if (cand.length >= (rep === "" && re.source.startsWith("at") ? 5 : 3)) {
        w = cand;
        break;
      }
    }
  }
  // Collapse a doubled final consonant left by -ing/-ed ("planned" → "plan"), and a final "e".
  if (/([bdfgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}
