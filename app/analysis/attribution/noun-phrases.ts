// Noun phrases around a cue: the speaker phrase left of a verb (npLeft) and after an inverted one (npRight).

import { type Token } from "../nlp";

import { type AttributionContext } from "./context";
import { NAME_PARTICLES, PERSONAL, POSTPOSED_TITLE, QUANT_SUBJECTS, RELATIVE, TIME_WORDS } from "./word-sets";

/** Words that head "… close to X" as a source: the people near X, not X. */
const CLOSE_TO_HEADS = new Set(["some", "those", "people", "sources", "others", "many", "several", "allies", "aides"]);

/** Roles held "to" someone: "an adviser to Vass", "aides to the minister", "the envoy to Veltria". */
const HOLDERS_TO = new Set(
  "adviser advisers advisor advisors aide aides assistant assistants counsel secretary ambassador envoy".split(" "),
);

export function isNameish(t: Token): boolean {
  return (
    t.pos === "PROPN" ||
    (/^\p{Lu}/u.test(t.value) && (t.pos === "NOUN" || t.pos === "ADJ" || t.pos === "X")) ||
    NAME_PARTICLES.has(t.value)
  );
}

/** Collect a noun phrase ending at token j (leftwards). Returns [start, j] or null. */
/** Words the tagger reads as adjectives that head a speaker phrase as nouns. */
const NOUN_READ_ADJ = new Set(["military", "opposition", "judiciary", "executive", "leadership"]);

export function npLeft(ctx: AttributionContext, j: number, a: number, allowRelative = true): [number, number] | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (j < a) return null;
  const t = tokens[j]!;
  const lw = lower[j]!;
  if (QUANT_SUBJECTS.has(lw) && (t.pos === "ADJ" || t.pos === "PRON" || t.pos === "DET" || t.pos === "NOUN"))
    return [j, j];
  if (t.pos === "PRON" || PERSONAL.has(lw)) {
    if (PERSONAL.has(lw)) return [j, j];
    if (RELATIVE.has(lw) && allowRelative) return relativeHead(ctx, j, a);
    if (
      lw === "many" ||
      lw === "some" ||
      lw === "others" ||
      lw === "few" ||
      lw === "most" ||
      lw === "both" ||
      lw === "all" ||
      lw === "everyone" ||
      lw === "someone" ||
      lw === "nobody" ||
      lw === "none"
    )
      return [j, j];
    return null;
  }
  // (", which" after a comma is the relative even where the tagger reads a determiner: ", which states …".)
  if (RELATIVE.has(lw) && allowRelative && (t.pos !== "DET" || (lw === "which" && j > a && lower[j - 1] === ",")))
    return relativeHead(ctx, j, a);
  let k = j;
  let head = -1;
  let count = 0;
  while (k >= a && count < 14) {
    const u = tokens[k]!;
    const lu = lower[k]!;
    const pos = u.pos;
    if (u.value === ")") {
      let m = k - 1;
      while (m >= a && m > k - 8 && tokens[m]!.value !== "(") m--;
      if (m >= a && tokens[m]!.value === "(" && k !== j) {
        k = m - 1;
        count++;
        continue;
      }
      if (m >= a && tokens[m]!.value === "(" && k === j) {
        k = m - 1;
        count++;
        continue;
      }
      break;
    }
    const capWord =
      (/^\p{Lu}/u.test(u.value) &&
        (pos === "VERB" || pos === "X" || pos === "ADJ" || pos === "ADV" || pos === "INTJ") &&
        k > a) ||
      (NAME_PARTICLES.has(u.value) && k < j && isNameish(tokens[k + 1]!));
    if (
      pos === "PROPN" ||
      pos === "NOUN" ||
      pos === "NUM" ||
      capWord ||
      (pos === "X" && /^\p{Lu}/u.test(u.value)) ||
      (k === j && k === a && /^\p{Lu}/u.test(u.value) && pos === "VERB")
    ) {
      if (TIME_WORDS.has(lu) && k === j) return null;
      if (head < 0) head = k;
    } else if (
      pos === "ADJ" &&
      head < 0 &&
      k === j &&
      POSTPOSED_TITLE.has(lu) &&
      k > a &&
      (tokens[k - 1]!.pos === "NOUN" || tokens[k - 1]!.pos === "PROPN")
    ) {
      // "the attorney general", "the surgeon general": a title ending in an adjective
      head = k;
    } else if (pos === "ADJ" && head < 0 && k === j && NOUN_READ_ADJ.has(lu)) {
      // "the Israeli military", "the military": the tagger's adjective is the phrase's noun.
      head = k;
    } else if (pos === "ADJ") {
      if (head < 0 && !/^\p{Lu}/u.test(u.value)) return null;
    } else if (pos === "DET" || lu === "both") {
      if (head < 0) return null;
      if (
        lu === "that" ||
        lu === "this" ||
        lu === "these" ||
        lu === "those" ||
        lu === "the" ||
        lu === "a" ||
        lu === "an" ||
        lu === "his" ||
        lu === "her" ||
        lu === "their" ||
        lu === "its" ||
        lu === "both" ||
        lu === "another" ||
        lu === "some" ||
        lu === "many" ||
        lu === "several" ||
        lu === "each" ||
        lu === "every" ||
        lu === "no" ||
        lu === "our" ||
        lu === "my" ||
        lu === "your" ||
        lu === "one" ||
        lu === "all" ||
        lu === "most"
      ) {
        // "Mr. Morgan of the Sierra Club", "a lawyer for the news outlets", "aides to the chairman": the phrase goes
        // on to the left (the person after the preposition is not the one speaking).
        const pl = lower[k - 1];
        if (
          k - 2 >= a &&
          (pl === "of" || pl === "for" || pl === "at" || pl === "from" || pl === "to") &&
          (tokens[k - 2]!.pos === "PROPN" || tokens[k - 2]!.pos === "NOUN")
        ) {
          k -= 2;
          count += 2;
          continue;
        }
        // "some close to the chairman", "people close to the minister": those near a person speak, not the person.
        if (k - 3 >= a && pl === "to" && lower[k - 2] === "close" && CLOSE_TO_HEADS.has(lower[k - 3]!)) {
          k -= 4;
          count += 3;
          break;
        }
        k--;
        count++;
        break;
      }
    } else if (pos === "PART" && (lu === "’s" || lu === "'s" || lu === "’" || lu === "'")) {
      // possessive inside the phrase
    } else if (pos === "PRON" && k > a && k < j && /^\p{Lu}/u.test(u.value) && isNameish(tokens[k + 1]!)) {
      // "Our Lady of Tarn", "My Sister's Place": a capitalised possessive inside a sentence opens a name.
    } else if (
      pos === "PRON" &&
      (lu === "his" || lu === "her" || lu === "their" || lu === "its" || lu === "our" || lu === "my")
    ) {
      if (head < 0) return null;
      k--;
      count++;
      break;
    } else if (
      pos === "PUNCT" &&
      (u.value === "." || u.value === "-" || u.value === "&" || u.value === "’" || u.value === "'") &&
      k < j &&
      k > a &&
      isNameish(tokens[k - 1]!)
    ) {
      // inside a name (initials, hyphens)
    } else if (
      pos === "ADP" &&
      lu === "to" &&
      head >= 0 &&
      k - 1 >= a &&
      (HOLDERS_TO.has(lower[k - 1]!) || (lower[k - 1] === "close" && k - 2 >= a && CLOSE_TO_HEADS.has(lower[k - 2]!)))
    ) {
      // "an adviser to Vass", "people close to Vass": the role's holder heads the phrase, not the person after "to".
    } else if (
      pos === "ADP" &&
      (lu === "of" || lu === "for" || lu === "at" || lu === "from") &&
      head >= 0 &&
      k > a &&
      (tokens[k - 1]!.pos === "NOUN" ||
        tokens[k - 1]!.pos === "PROPN" ||
        NOUN_READ_ADJ.has(lower[k - 1]!) ||
        (k - 1 > a && /^\p{Lu}/u.test(tokens[k - 1]!.value) && tokens[k - 1]!.pos === "VERB"))
    ) {
      // "head of the agency", "Center for Research", "the military of Veltria"; "Ann Hopping of …" (a name read as a verb)
    } else if (
      pos === "CCONJ" &&
      lu === "and" &&
      head >= 0 &&
      k > a &&
      (isNameish(tokens[k - 1]!) || tokens[k - 1]!.pos === "NOUN") &&
      (isNameish(tokens[k + 1]!) || tokens[k + 1]!.pos === "DET")
    ) {
      // "Hamas and the Muslim Brotherhood"
    } else break;
    k--;
    count++;
  }
  const start = k + 1;
  if (head < 0 || start > j) return null;
  // Drop a leading conjunction or preposition left inside.
  let s = start;
  while (s < j && (tokens[s]!.pos === "ADP" || tokens[s]!.pos === "CCONJ" || tokens[s]!.pos === "PUNCT")) s++;
  return [s, j];
}

/**
 * The head of the relative pronoun at j. "Tarn Watch, a residents' group that …", "Ivo Marr, a professor at Tarn
 * University and director of its law centre, who …": the relative's head is the name before the descriptions.
 */
function relativeHead(ctx: AttributionContext, j: number, a: number): [number, number] | null {
  const { lower, tok } = ctx;
  const np = npLeft(ctx, isCommaLike(lower[j - 1]!) && j - 2 >= a ? j - 2 : j - 1, a, false);
  if (!np) return np;
  let s = np[0];
  // Coordinated descriptions ("a professor … and director of …") go back to the first.
  for (let n = 0; n < 2 && s - 2 >= a && lower[s - 1] === "and" && /^\p{Ll}/u.test(tok.tokens[s]!.value); n++) {
    const prev = npLeft(ctx, s - 2, a, false);
    if (!prev) break;
    s = prev[0];
  }
  if (!(lower[s] === "a" || lower[s] === "an") || s - 2 < a || lower[s - 1] !== ",") return np;
  const name = npLeft(ctx, s - 2, a, false);
  const cap = (t: Token) => isNameish(t) || /^\p{Lu}/u.test(t.value) || t.value === ".";
  if (!name || !tok.tokens.slice(name[0], name[1] + 1).every(cap)) return np;
  return [name[0], np[1]];
}

/** Works whose author follows with "by" ("according to a study by the Kestrel Institute"). */
const AUTHORED = new Set(
  "study studies report reports poll polls survey surveys analysis review audit investigation letter statement ruling estimate estimates paper research".split(
    " ",
  ),
);

/** A noun phrase starting at token k (rightwards), for sources after the cue. */
export function npRight(ctx: AttributionContext, k: number, b: number, nounVerbs = false): [number, number] | null {
  const tokens = ctx.tok.tokens;
  const lower = ctx.lower;
  if (k > b) return null;
  const t = tokens[k]!;
  // "according to their attorneys": a possessive opens the phrase.
  if (
    t.pos === "PRON" &&
    !(
      nounVerbs &&
      (lower[k] === "his" || lower[k] === "her" || lower[k] === "their" || lower[k] === "its") &&
      k < b &&
      tokens[k + 1]!.pos !== "PUNCT"
    )
  )
    return PERSONAL.has(lower[k]!) ? [k, k] : null;
  let m = k;
  let head = -1;
  while (m <= b && m < k + 14) {
    const u = tokens[m]!;
    const lu = lower[m]!;
    if (u.pos === "PROPN" || u.pos === "NOUN" || u.pos === "NUM" || (u.pos === "X" && /^\p{Lu}/u.test(u.value)))
      head = m;
    else if (
      u.pos === "VERB" &&
      (/(ing|ed)$/.test(lu) || nounVerbs) &&
      head < 0 &&
      m < b &&
      (tokens[m + 1]!.pos === "NOUN" || tokens[m + 1]!.pos === "PROPN")
    ) {
      // "shipping agents", "unnamed officials"
    } else if (
      u.pos === "DET" ||
      u.pos === "ADJ" ||
      (u.pos === "PRON" && (lu === "his" || lu === "her" || lu === "their" || lu === "its"))
    ) {
      if (head >= 0 && u.pos === "DET" && tokens[m - 1]!.pos !== "ADP") break;
    } else if (u.pos === "PART" && (lu === "’s" || lu === "'s")) {
      // possessive
    } else if (
      u.value === "-" &&
      m > k &&
      m < b &&
      tokens[m - 1]!.end === u.start &&
      tokens[m + 1]!.start === u.end &&
      (tokens[m - 1]!.pos === "ADJ" || tokens[m - 1]!.pos === "PROPN" || tokens[m - 1]!.pos === "NOUN")
    ) {
      // "African-Americans", "Vietnam-era veterans": a hyphenated compound
    } else if (
      u.pos === "PUNCT" &&
      (u.value === "." || u.value === "-" || u.value === "&") &&
      head >= 0 &&
      m < b &&
      isNameish(tokens[m + 1]!)
    ) {
      // inside a name
    } else if (
      u.pos === "ADP" &&
      (lu === "of" || lu === "for" || lu === "at" || lu === "from" || (lu === "by" && AUTHORED.has(lower[m - 1]!))) &&
      head >= 0 &&
      m < b &&
      tokens[m + 1]!.pos !== "VERB"
    ) {
      // "head of the agency"; "a study by the Kestrel Institute": a work and its author
    } else if (
      u.pos === "CCONJ" &&
      lu === "and" &&
      head >= 0 &&
      m < b &&
      (isNameish(tokens[m + 1]!) || tokens[m + 1]!.pos === "DET" || tokens[m + 1]!.pos === "NOUN")
    ) {
      // coordinated sources
    } else break;
    m++;
  }
  if (head < 0) return null;
  // Trim a trailing preposition or conjunction the loop let in.
  let e = head;
  while (e > k && (tokens[e]!.pos === "ADP" || tokens[e]!.pos === "CCONJ")) e--;
  return [k, e];
}

export function isCommaLike(v: string): boolean {
  return v === "," || v === "--" || v === "—" || v === "–";
}
