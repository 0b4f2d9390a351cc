// Coreference helpers for canonical sources (sources.ts): the conventional gender a text gives a person (courtesy
// titles, gendered role words, then a small list of common given names) and the role nouns a text attaches to a
// name ("Mayor Brannock", "the Clean Tamsel Coalition, a residents' group"). Both only narrow a choice: a person
// with no such evidence matches "he" and "she" alike, and a role noun with no named holder resolves nothing.
import givenNames from "./lexicons/given-names.json";
import type { Token } from "./nlp";

export type Gender = "m" | "f";

const GIVEN = new Map<string, Gender>();
for (const n of givenNames.entries.male) GIVEN.set(n, "m");
for (const n of givenNames.entries.female) GIVEN.set(n, "f");

const HONORIFIC_GENDER = new Map<string, Gender>([
  ["mr", "m"],
  ["mr.", "m"],
  ["mrs", "f"],
  ["mrs.", "f"],
  ["ms", "f"],
  ["ms.", "f"],
  ["miss", "f"],
  ["sir", "m"],
  ["dame", "f"],
  ["lady", "f"],
  ["lord", "m"],
]);

/** Role words that carry a gender ("spokeswoman", "congressman"); "-person" and plain roles carry none. */
function roleGender(word: string): Gender | null {
  const w = word.toLowerCase();
  if (/^(?:\w+woman|\w+women|actress|waitress|mother|wife|daughter|sister|widow|grandmother|queen|princess)$/.test(w))
    return "f";
  if (/^(?:\w+man|\w+men|actor|father|husband|son|brother|widower|grandfather|king|prince)$/.test(w)) {
    // "human", "German", "Oman": words that only end in "man".
    if (/^(?:hu|ger|o|ro|tru|nor|shu|ger)man$/.test(w)) return null;
    return "m";
  }
  return null;
}

/** The gender a given name conventionally has, or null (not listed: it matches both). */
export function givenNameGender(name: string): Gender | null {
  return GIVEN.get(name.toLowerCase().replace(/[.’']/g, "")) ?? null;
}

/**
 * The gender the text's own words give a person: a courtesy title or a gendered role word in any of `phrases` (the
 * source's mentions and descriptions), else the conventional gender of the given name. Conflicting evidence gives null.
 */
export function genderFromEvidence(givenName: string | null, phrases: string[]): Gender | null {
  const found = new Set<Gender>();
  for (const p of phrases)
    for (const w of p.split(/[\s,]+/)) {
      const g = HONORIFIC_GENDER.get(w.toLowerCase()) ?? roleGender(w.replace(/[’']s$/, ""));
      if (g) found.add(g);
    }
  if (found.size === 1) return [...found][0]!;
  if (found.size > 1) return null;
  return givenName ? givenNameGender(givenName) : null;
}

/** A pronoun's gender ("he" → m, "she" → f), null for the others. */
export function pronounGender(pronoun: string): Gender | null {
  const p = pronoun.toLowerCase();
  return p === "he" || p === "him" || p === "his" ? "m" : p === "she" || p === "her" ? "f" : null;
}

export function genderCompatible(pronoun: Gender | null, person: Gender | null): boolean {
  return !pronoun || !person || pronoun === person;
}

/** Days and months are capitalised but name no one ("on Thursday, a senior member of the party"). */
const CALENDAR =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

const ARTICLES = new Set(["a", "an", "the", "its", "his", "her", "their"]);

function capRun(tokens: Token[], from: number, step: 1 | -1, limit: number): [number, number] | null {
  let i = from;
  let n = 0;
  const isName = (t: Token | undefined) =>
    !!t && (t.pos === "PROPN" || /^\p{Lu}\p{Ll}/u.test(t.value)) && /^\p{Lu}/u.test(t.value) && !CALENDAR.test(t.value);
  if (!isName(tokens[i])) return null;
  let s = i;
  let e = i;
  while (n < limit && isName(tokens[i])) {
    s = Math.min(s, i);
    e = Math.max(e, i);
    i += step;
    n++;
  }
  return [s, e];
}

/** Title abbreviations written before a name, by the role word they stand for ("Gov. Roe" is the governor). */
const ROLE_ABBREVIATIONS = new Map<string, string[]>([
  ["governor", ["gov.", "gov"]],
  ["senator", ["sen.", "sen"]],
  ["representative", ["rep.", "rep"]],
  ["president", ["pres."]],
  ["general", ["gen."]],
  ["secretary", ["sec."]],
  ["superintendent", ["supt."]],
  ["ambassador", ["amb."]],
]);

/** Token positions of a role word and of the title abbreviations that stand for it, ascending. */
export function rolePositions(wordIndex: Map<string, number[]>, role: string): number[] | undefined {
  const own = wordIndex.get(role);
  const abbr = (ROLE_ABBREVIATIONS.get(role) ?? []).flatMap((a) => wordIndex.get(a) ?? []);
  if (!abbr.length) return own;
  return [...(own ?? []), ...abbr].sort((a, b) => a - b);
}

/** Words before a role noun that say which holder it is: "former" and the party words. */
const FORMER = new Set(["former", "ex", "ex-"]);
const PARTY = new Map([
  ["republican", "r"],
  ["gop", "r"],
  ["democratic", "d"],
  ["democrat", "d"],
]);

/** The lower-case words right before token `i` in its noun phrase ("Former Mexican President" → former, mexican). */
function modifiersBefore(tokens: Token[], i: number): string[] {
  const out: string[] = [];
  for (let j = i - 1; j >= 0 && i - j <= 4; j--) {
    const t = tokens[j]!;
    // A capitalised word before a title modifies it whatever its tag ("Former Tarnish President").
    const tagStop = /^(?:VERB|AUX|ADP|SCONJ|PRON)$/.test(t.pos) && !/^\p{Lu}/u.test(t.value);
    if (ARTICLES.has(t.value.toLowerCase()) || !/^[\p{L}-]+$/u.test(t.value) || tagStop) break;
    out.push(t.value.toLowerCase());
  }
  return out;
}

/**
 * Whether a description's modifiers (`described`, lower-case words before its role noun) fit the words the text puts
 * before that role where it gives it to a name (token `i`): a former holder is never the current one, nor the other
 * way round, and two party words must agree ("the Republican governor" is not "Democratic Gov. Roe").
 */
export function modifiersAgree(tokens: Token[], i: number, described: string[]): boolean {
  const given = modifiersBefore(tokens, i);
  if (given.some((w) => FORMER.has(w)) !== described.some((w) => FORMER.has(w))) return false;
  const gp = given.map((w) => PARTY.get(w)).find(Boolean);
  const dp = described.map((w) => PARTY.get(w)).find(Boolean);
  return !gp || !dp || gp === dp;
}

/**
 * The name the text attaches a role noun to, nearest before token index `before`: "Mayor Ansel Brannock" (the noun as
 * a title before a name), "the coalition's director, Nadia Ferro" (before an appositive name) and "the Clean Tamsel
 * Coalition, a residents' group" (the noun heading an appositive after a name). Looks at the latest `maxSeen`
 * occurrences of the noun from `positions` (token indices, ascending); returns the name's token range.
 */
export function roleHolder(
  tokens: Token[],
  positions: number[],
  before: number,
  maxSeen = 12,
  accept: (nounIndex: number) => boolean = () => true,
): [number, number] | null {
  let k = positions.length - 1;
  while (k >= 0 && positions[k]! >= before) k--;
  for (let seen = 0; k >= 0 && seen < maxSeen; k--, seen++) {
    const i = positions[k]!;
    if (!accept(i)) continue;
    // "Mayor Brannock", "mayor Ansel Brannock", "director Nadia Ferro".
    const after = capRun(tokens, i + 1, 1, 4);
    if (after && tokens[i + 1]!.start - tokens[i]!.end <= 1) return after;
    // "the coalition's director, Nadia Ferro,".
    if (tokens[i + 1]?.value === ",") {
      const app = capRun(tokens, i + 2, 1, 4);
      const closes = app ? tokens[app[1] + 1] : undefined;
      if (app && (!closes || /^[,.;]$|^(said|says|told|added)$/.test(closes.value))) return app;
    }
    // "Clean Tamsel Coalition, a residents' group": up to six words between the comma and the noun, no verb.
    for (let j = i - 1; j >= 0 && i - j <= 7; j--) {
      const v = tokens[j]!.value;
      if (v === ",") {
        if (!ARTICLES.has(tokens[j + 1]?.value.toLowerCase() ?? "")) break;
        const name = capRun(tokens, j - 1, -1, 6);
        if (name) return name;
        break;
      }
      // "a senior member of the mayor's party": the noun must head the appositive, not follow a preposition.
      if (/^(?:VERB|AUX|ADP|SCONJ|PRON)$/.test(tokens[j]!.pos) || /^[.;:!?"“”]$/.test(v)) break;
    }
  }
  return null;
}
