// Actor detection: names from the alias lexicon plus capitalised name runs, merged into one actor per
// entity by general rules (bare surname → full name of a person, "al-" ignored, acronyms defined in brackets),
// and states named by their adjective before a word for their institutions or forces ("Israeli forces").
// Merging never joins a person to an organisation or place, nor an organisation to its branch.
import aliasLexicon from "./lexicons/actor-aliases.json";
import labelLexicon from "./lexicons/labels.json";
import gazetteer from "./lexicons/gazetteer.json";
import type { Span } from "./types";
import { foldName, type Word } from "./words";

export type ActorKind = "person" | "organisation" | "state" | "group" | "place" | "other";

export interface Actor {
  key: string;
  name: string;
  kind: ActorKind;
  affiliation: string | null;
  variants: string[];
  mentionCount: number;
  /** Mentioned at least twice in this text (comparisons also keep actors met in two articles). */
  salient: boolean;
  rule: string;
  evidence: string[];
}

export interface Mention {
  span: Span;
  actorKey: string;
  surface: string;
  rule: string;
  field?: "title" | "body";
  /** The kind of the actor mentioned (set by detectActors). */
  kind?: ActorKind;
}

export const ACTOR_RULES: Record<string, string> = {
  "actor.alias": "A name variant listed in the actor alias lexicon (acronyms, translations, transliterations).",
  "actor.name-run":
    "A run of capitalised words (with name particles such as al-, bin, abu) that is not a sentence-initial common word.",
  "actor.surname":
    "A single name that is the last name of a longer person's name in the same text joins that actor (never an organisation's or a place's last word: House is not White House).",
  "actor.short-name":
    'A single name that is the first word of a longer organisation name in the same text (Halberd → Halberd Chemical Works) joins that actor, unless the text gives it a personal title or "he" follows it (President Varga is not Varga Holdings).',
  "actor.demonym":
    "A state's adjective before a word for its institutions, officials or forces (Tolvarian forces, the Marenlandic army, the Tolvarian government, Marenlandic gunmen; every state of the gazetteer alike) is a mention of that state.",
  "actor.acronym":
    "An acronym in brackets after a name, or matching the initials of a name in the text, joins that actor.",
  "actor.salient":
    "An actor matters when it is mentioned at least twice in an article or appears in two articles of a comparison.",
};

interface AliasEntry {
  key: string;
  name: string;
  kind: ActorKind;
  words: string[];
  exact: string[] | null; // case-sensitive surface words for short acronyms
  /** A state's name from the gazetteer: not a match inside a person's name ("Jim Jordan"). */
  auto?: boolean;
}

const ALIASES: AliasEntry[] = [];
for (const e of aliasLexicon.entries) {
  for (const a of e.aliases) {
    const words = a.split(/\s+/).map(foldName);
    const exact = a.length <= 4 && /^[A-Z.]+$/.test(a) ? a.split(/\s+/) : null;
    ALIASES.push({ key: e.key, name: e.name, kind: e.kind as ActorKind, words, exact });
  }
}
// Every state of the gazetteer is known by its name, as the alias lexicon's states are ("Ukraine" as "Russia").
const aliasKeys = new Set(aliasLexicon.entries.map((e) => e.key));
const aliasFolded = new Set(ALIASES.map((a) => a.words.join(" ")));
for (const st of gazetteer.entries.states as { names: string[] }[]) {
  const name = st.names[0]!;
  const words = name.split(/\s+/).map(foldName);
  const key = words.join("-");
  if (aliasFolded.has(words.join(" ")) || aliasKeys.has(key)) continue;
  ALIASES.push({ key, name, kind: "state", words, exact: null, auto: true });
}
/** Leading words an organisation's name does not keep when the rest is still a name ("the Islamist Korvath Front"). */
// Names of religions stay ("Jewish Affairs Council", "Catholic Relief Services"); "-ist" descriptors go.
const KEEP_IN_NAMES = new Set([
  "islamic",
  "muslim",
  "jewish",
  "christian",
  "catholic",
  "orthodox",
  "evangelical",
  "hindu",
  "buddhist",
  "druze",
  "sunni",
  "shiite",
  "shi'ite",
  "shia",
  "alawite",
  "conservative",
  "liberal",
  "religious",
  "secular",
]);
const LEADING_LABELS = new Set(
  (
    [
      "terror",
      "extremism",
      "ideological_religious",
      "sponsorship_qualifier",
      "legitimacy_denying",
      "contested_legal_status",
      "substitute_name",
      "pejorative_governance",
    ] as const
  ).flatMap((c) => labelLexicon.entries[c].filter((t) => !t.includes(" ") && !KEEP_IN_NAMES.has(t))),
);
const LEADING_SUFFIX = /-(backed|sponsored|funded|run|led|controlled|aligned)$/;
const ALIAS_BY_FIRST = new Map<string, AliasEntry[]>();
for (const a of ALIASES) {
  const k = a.words[0]!;
  const list = ALIAS_BY_FIRST.get(k) ?? [];
  list.push(a);
  ALIAS_BY_FIRST.set(k, list);
}
for (const l of ALIAS_BY_FIRST.values()) l.sort((x, y) => y.words.length - x.words.length);

/** Every single word that the label lexicon lists: such a capitalised word is a label, not a name. */
export const LABEL_WORDS = new Set<string>();
for (const list of Object.values(labelLexicon.entries)) for (const t of list) if (!t.includes(" ")) LABEL_WORDS.add(t);
const STATE_NAMES = new Map<string, string>();
/** A state's adjective → the state it names (key and name as the alias lexicon has them). */
const DEMONYMS = new Map<string, { key: string; name: string }>();
const aliasKeyOf = new Map<string, { key: string; name: string }>();
for (const e of aliasLexicon.entries)
  for (const a of e.aliases) aliasKeyOf.set(foldName(a), { key: e.key, name: e.name });
for (const s of gazetteer.entries.states as { names: string[]; adjectives: string[]; affiliation: string }[]) {
  for (const n of s.names) STATE_NAMES.set(foldName(n), s.affiliation);
  const target = aliasKeyOf.get(foldName(s.names[0]!)) ?? {
    key: foldName(s.names[0]!).replace(/[^\p{L}\p{N}]+/gu, "-"),
    name: s.names[0]!,
  };
  for (const a of s.adjectives) {
    LABEL_WORDS.add(a.toLowerCase());
    if (/^\p{Lu}\p{Ll}/u.test(a)) DEMONYMS.set(a, target);
  }
}
/** A state's key → its name (from its demonyms), and an alias key → its name: built once, not per text. */
const demonymName = new Map([...DEMONYMS.values()].map((d) => [d.key, d.name]));
const aliasName = new Map(aliasLexicon.entries.map((e) => [e.key, e.name]));
/** Words for a state's institutions, officials or forces, and for armed men: after a demonym they name the state. */
const BODY_NOUNS = new Set(
  "forces army military troops soldiers police navy government authorities authority officials regime administration leadership ministry cabinet parliament intelligence junta occupation state embassy diplomats gunmen militants fighters militias militia security services".split(
    " ",
  ),
);
const TITLE_WORDS = new Set(
  labelLexicon.entries.role_title
    .flatMap((t) => t.split(" ").filter((w) => !["of", "the", "in", "to", "and", "for"].includes(w)))
    .concat([
      "mr",
      "mr.",
      "mrs",
      "mrs.",
      "ms",
      "ms.",
      "dr",
      "dr.",
      "sir",
      "lord",
      "the",
      "former",
      "acting",
      "top",
      "senior",
      "deputy",
    ]),
);
const NOT_NAMES = new Set(
  "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december i we you he she they it this that these those there here but and or yet so however meanwhile moreover furthermore nevertheless indeed also mr mrs ms dr god g-d supporters members followers opponents critics envoys residents leaders".split(
    " ",
  ),
);
const PARTICLES = new Set([
  "al",
  "el",
  "bin",
  "ibn",
  "abu",
  "abd",
  "de",
  "van",
  "von",
  "der",
  "of",
  "ad",
  "da",
  "bint",
]);
const PLACE_WORDS = new Set(
  "street river island city county province road square hall airport station port harbour harbor bridge valley mountain mountains sea gulf strip bank coast district quarter market park lake desert peninsula border crossing camp".split(
    " ",
  ),
);
const OTHER_WORDS = new Set(
  "act law bill program programme plan amendment treaty accord agreement report street river island city county province road square mosque church temple airport station port harbour harbor bridge valley mountain sea gulf strip bank prize award war operation".split(
    " ",
  ),
);
const LEADING_PARTICLES = new Set(["al", "el", "de", "van", "von", "der", "of", "ad", "da"]);
const ORG_WORDS = new Set(
  "department ministry brotherhood party council army forces force brigades brigade group state movement front agency court authority university institute news times post network organisation organization committee commission union association league corps police office bank company corporation fund foundation center centre service assembly congress parliament senate house administration government province command guard works plant factory labs laboratories industries holdings airlines inc ltd corp co coalition alliance federation".split(
    " ",
  ),
);

function isCap(w: Word): boolean {
  const ch = w.text.charCodeAt(0);
  if (ch >= 65 && ch <= 90) return true;
  if (ch >= 97 && ch <= 122 && w.text.indexOf("-") < 0) return false;
  return /^(?:\p{Lu}|(?:al|el|ad|ar|as|an|at|az|ibn|bin|abu)-\p{Lu})/u.test(w.text);
}

interface Candidate {
  from: number;
  to: number; // exclusive word index
  key: string | null; // alias key when from the lexicon
  rule: string;
  kind: ActorKind | null;
  titled: boolean;
  /** A single word at the start of a sentence: a name only if the text also capitalises it elsewhere. */
  initial?: boolean;
}

/**
 * Prepares the word stream for name runs: a possessive "'s" becomes its own word, a hyphenated word of
 * capitalised parts ("Hamas-ISIS", "Romney-Ryan") splits when a part is a known alias or stands alone elsewhere,
 * and a name before a participle ("Hamas-run", "Kyiv-based": OWNER_PARTICIPLES) stands apart from it.
 */
function prepareWords(words: Word[]): Word[] {
  // Capitalised words standing alone (not first in their sentence): found when a hyphenated word first needs them.
  let standaloneSet: Set<string> | null = null;
  const standalone = (): Set<string> => {
    if (standaloneSet) return standaloneSet;
    standaloneSet = new Set<string>();
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      const ch = w.text.charCodeAt(0);
      if (ch >= 97 && ch <= 122) continue;
      if (w.sentence === words[i - 1]!.sentence && /^\p{Lu}\p{L}+$/u.test(w.text)) standaloneSet.add(foldName(w.text));
    }
    return standaloneSet;
  };
  const out: Word[] = [];
  for (const w0 of words) {
    const c0 = w0.text.charCodeAt(0);
    if ((c0 >= 97 && c0 <= 122) || w0.text.length < 3) {
      out.push(w0);
      continue;
    }
    let w = w0;
    let poss: Word | null = null;
    if (w.text.length > 3 && /['’]s$/.test(w.text) && /^\p{Lu}/u.test(w.text)) {
      const base = w.text.slice(0, -2);
      poss = { ...w, start: w.end - 2, text: w.text.slice(-2), lower: "'s", lemma: "'s", pos: "PART" };
      w = { ...w, end: w.end - 2, text: base, lower: base.toLowerCase(), lemma: base.toLowerCase() };
    }
    const parts = /[-‑–]/.test(w.text) ? w.text.split(/[-‑–]/) : null;
    const owner = parts && parts.length === 2 ? ownerPrefix(parts) : null;
    if (owner) {
      // "Hamas-run", "Kremlin-backed": the name is a mention of its own; the participle describes something else.
      out.push({
        ...w,
        end: w.start + owner.length,
        text: owner,
        lower: owner.toLowerCase(),
        lemma: owner.toLowerCase(),
        pos: "PROPN",
      });
      const rest = w.text.slice(owner.length + 1);
      out.push({ ...w, start: w.end - rest.length, text: rest, lower: rest, lemma: rest, pos: "ADJ" });
    } else if (
      !parts ||
      parts.length < 2 ||
      !parts.every((p) => /^\p{Lu}\p{L}/u.test(p)) ||
      !parts.some((p) => ALIAS_BY_FIRST.has(foldName(p)) || standalone().has(foldName(p)))
    ) {
      out.push(w);
    } else {
      let off = w.start;
      for (const p of parts) {
        out.push({
          ...w,
          start: off,
          end: off + p.length,
          text: p,
          lower: p.toLowerCase(),
          lemma: p.toLowerCase(),
          pos: "PROPN",
        });
        off += p.length + 1;
      }
    }
    if (poss) out.push(poss);
  }
  return out;
}

/**
 * Participles that make a name into a modifier of something else ("Hamas-run", "Iran-backed", "Kyiv-based"): the
 * capitalised word before the hyphen is a name of its own (a mention of that actor, when it is one), and the
 * hyphenated word is not.
 */
const OWNER_PARTICIPLES = new Set(
  "owned run led backed based controlled linked affiliated allied aligned held funded supported sponsored inspired administered operated occupied governed made".split(
    " ",
  ),
);

function ownerPrefix(parts: string[]): string | null {
  const [name, rest] = parts as [string, string];
  return OWNER_PARTICIPLES.has(rest) && /^\p{Lu}\p{L}/u.test(name) ? name : null;
}

function matchAlias(words: Word[], i: number, memo?: (AliasEntry | null | undefined)[]): AliasEntry | null {
  if (memo) {
    const m = memo[i];
    if (m !== undefined) return m;
    return (memo[i] = matchAlias(words, i));
  }
  const first = foldName(words[i]!.text);
  const list = ALIAS_BY_FIRST.get(first);
  if (!list) return null;
  for (const a of list) {
    let ok = true;
    for (let k = 0; k < a.words.length; k++) {
      const w = words[i + k];
      if (!w || w.sentence !== words[i]!.sentence || foldName(w.text) !== a.words[k]) {
        ok = false;
        break;
      }
      if (a.exact && w.text !== a.exact[k]) {
        ok = false;
        break;
      }
    }
    // Single lower-case words are never names ("state", "is").
    if (ok && a.words.length === 1 && !isCap(words[i]!)) ok = false;
    if (ok && a.words.length > 1 && !words.slice(i, i + a.words.length).some(isCap)) ok = false;
    const prev = words[i - 1];
    if (
      ok &&
      a.auto &&
      prev &&
      prev.sentence === words[i]!.sentence &&
      prev.end + 1 >= words[i]!.start &&
      isCap(prev) &&
      /^\p{Lu}\p{Ll}+$/u.test(prev.text)
    )
      ok = false;
    if (ok) return a;
  }
  return null;
}

const slugCache = new Map<string, string>();
function slug(s: string): string {
  // Pure; the known actors' names are slugged again for every headline and article part.
  const hit = slugCache.get(s);
  if (hit !== undefined) return hit;
  if (slugCache.size > 100_000) slugCache.clear();
  const out = slugUncached(s);
  slugCache.set(s, out);
  return out;
}
function slugUncached(s: string): string {
  return foldName(s)
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");
}

/**
 * `s.split(/\s+/)`, kept per string (pure): the body's actor names are split again for every headline and article
 * part. The arrays are shared, never changed by a caller.
 */
const splitCache = new Map<string, readonly string[]>();
function spaceSplit(s: string): readonly string[] {
  let parts = splitCache.get(s);
  if (parts === undefined) {
    if (splitCache.size > 100_000) splitCache.clear();
    splitCache.set(s, (parts = s.split(/\s+/)));
  }
  return parts;
}
/** The last space-separated word of `s` (`s.split(/\s+/).pop()`). */
function lastWord(s: string): string {
  const parts = spaceSplit(s);
  return parts[parts.length - 1]!;
}

export interface ActorDetection {
  actors: Actor[];
  mentions: Mention[];
}

/**
 * Finds actor mentions in one text. `known` (actors of the article body) lets a headline's
 * "Sisi" resolve to the body's "Abdel Fattah al-Sisi".
 */
export function detectActors(
  text: string,
  allWords: Word[],
  known: Actor[] = [],
  opts: { headline?: boolean } = {},
): ActorDetection {
  const words = prepareWords(allWords);
  // A headline in title case capitalises every word: there, only aliases and names the body knows count.
  const wordy = opts.headline ? words.filter((w) => /^\p{L}{4,}/u.test(w.text)) : [];
  const titleCase = wordy.length >= 3 && wordy.filter(isCap).length / wordy.length >= 0.6;
  const knownSlugs = new Map<string, string>();
  for (const k of known) {
    for (const v of [k.name, ...k.variants]) {
      knownSlugs.set(slug(v), k.key);
      const last = lastWord(v);
      if (k.kind === "person" && !knownSlugs.has(slug(last))) knownSlugs.set(slug(last), k.key);
    }
  }
  const aliasMemo: (AliasEntry | null | undefined)[] = new Array(words.length);
  const cands: Candidate[] = [];
  // A state's name that ends a person's name in this text ("Jim Jordan") is left to the surname rule.
  const personLast = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const p = words[i - 1]!;
    if (
      p.sentence === words[i]!.sentence &&
      isCap(p) &&
      /^\p{Lu}\p{Ll}+$/u.test(p.text) &&
      !matchAlias(words, i - 1, aliasMemo)
    )
      personLast.add(foldName(words[i]!.text));
  }
  for (let i = 0; i < words.length; i++) {
    let alias = matchAlias(words, i, aliasMemo);
    if (alias?.auto && alias.words.length === 1 && personLast.has(alias.words[0]!)) alias = null;
    if (alias) {
      cands.push({
        from: i,
        to: i + alias.words.length,
        key: alias.key,
        rule: "actor.alias",
        kind: alias.kind,
        titled: false,
      });
      i += alias.words.length - 1;
      continue;
    }
    const w = words[i]!;
    if (!isCap(w)) continue;
    // A name run: capitalised words, with lower-case particles inside ("bin", "of").
    let j = i;
    while (j + 1 < words.length) {
      const n = words[j + 1]!;
      if (n.sentence !== w.sentence) break;
      // Parts of a split compound ("Romney-Ryan") are separate names.
      if (n.start === words[j]!.end + 1 && /[-‑–]/.test(text[words[j]!.end] ?? "")) break;
      if (isCap(n) && /[\p{L}]/u.test(n.text) && !matchAlias(words, j + 1, aliasMemo)) {
        j++;
        continue;
      }
      // "Abu ‘Abdullah": an opening ayn or apostrophe glued to a capitalised word stays in the name.
      const n2 = words[j + 2];
      if (/^[‘'ʿ`]$/.test(n.text) && n2 && n2.start === n.end && isCap(n2) && n2.sentence === w.sentence) {
        j += 2;
        continue;
      }
      // "Ministry of Water and Environment": "and" joins capitalised words after an "of" in the run.
      if (
        n.lower === "and" &&
        n2 &&
        isCap(n2) &&
        n2.sentence === w.sentence &&
        words.slice(i, j + 1).some((x) => x.lower === "of")
      ) {
        j += 2;
        continue;
      }
      if (
        PARTICLES.has(n.lower) &&
        words[j + 2] &&
        isCap(words[j + 2]!) &&
        words[j + 2]!.sentence === w.sentence &&
        !matchAlias(words, j + 2, aliasMemo)
      ) {
        j += 2;
        continue;
      }
      break;
    }
    // Strip leading titles, demonyms, labels and sentence-initial common words; an organisation's
    // name keeps them ("Tolvarian Dock Authority", "Democratic Party").
    let orgName = false;
    for (let x = i; x <= j && j > i; x++) if (ORG_WORDS.has(words[x]!.lower)) orgName = true;
    let a = i;
    let titled = false;
    // "Islamist Korvath Front", "Iran-backed Korvath Front": a leading label is not part of an organisation's name
    // when at least two words of the name remain.
    while (orgName && a + 2 <= j && (LEADING_LABELS.has(words[a]!.lower) || LEADING_SUFFIX.test(words[a]!.lower))) a++;
    while (a <= j) {
      const x = words[a]!;
      const low = x.lower.replace(/[‘’']/g, "'");
      const sentenceStart = a === 0 || words[a - 1]!.sentence !== x.sentence || /^["“‘(]$/.test(words[a - 1]!.text);
      if (TITLE_WORDS.has(low)) titled = true;
      const label =
        (LABEL_WORDS.has(low) ||
          LABEL_WORDS.has(x.lemma) ||
          (low.endsWith("s") && LABEL_WORDS.has(low.slice(0, -1)))) &&
        !orgName;
      if (
        TITLE_WORDS.has(low) ||
        label ||
        NOT_NAMES.has(low) ||
        LEADING_PARTICLES.has(low) ||
        (sentenceStart && x.pos !== "PROPN")
      )
        a++;
      else break;
    }
    // Everything up to the last title word is a description ("Tolvarian President Ilse Varga" → "Ilse Varga").
    for (let t = j - 1; t >= a; t--) {
      if (TITLE_WORDS.has(words[t]!.lower) && !ORG_WORDS.has(words[t + 1]!.lower)) {
        a = t + 1;
        titled = true;
        break;
      }
    }
    // Drop trailing label words ("Hamas-led"? no: "Sinai Bedouin" keeps; a trailing demonym is a label).
    let b = j;
    while (
      b >= a &&
      !ORG_WORDS.has(words[b]!.lower) &&
      (LABEL_WORDS.has(words[b]!.lower) ||
        (words[b]!.lower.endsWith("s") && LABEL_WORDS.has(words[b]!.lower.slice(0, -1))) ||
        LABEL_WORDS.has(words[b]!.lemma) ||
        NOT_NAMES.has(words[b]!.lower))
    )
      b--;
    if (b >= a) {
      const surface = text.slice(words[a]!.start, words[b]!.end);
      const initial = a === 0 || words[a - 1]!.sentence !== words[a]!.sentence || /^["“‘(]$/.test(words[a - 1]!.text);
      if (titleCase) {
        for (let x = a; x <= b; x++) {
          for (let y = b; y >= x; y--) {
            const k = knownSlugs.get(slug(text.slice(words[x]!.start, words[y]!.end)));
            if (k) {
              cands.push({ from: x, to: y + 1, key: k, rule: "actor.name-run", kind: null, titled });
              x = y;
              break;
            }
          }
        }
      } else if (/\p{L}{2}/u.test(surface) && !/^\p{Lu}\.?$/u.test(surface)) {
        cands.push({
          from: a,
          to: b + 1,
          key: null,
          rule: "actor.name-run",
          kind: null,
          titled,
          initial: initial && a === b,
        });
      }
    }
    i = j;
  }

  // A sentence-initial capitalised word ("Additional", "Revelations") is a name only if it is capitalised mid-sentence too.
  const midSentence = new Set(cands.filter((c) => !c.initial && !c.key).map((c) => foldName(words[c.from]!.text)));
  for (const c of cands) if (!c.key && c.to - c.from > 1) midSentence.add(foldName(words[c.to - 1]!.text));
  for (const k of known)
    for (const v of k.variants) for (const part of [v, lastWord(v)]) midSentence.add(foldName(part));
  for (let c = cands.length - 1; c >= 0; c--)
    if (cands[c]!.initial && !midSentence.has(foldName(words[cands[c]!.from]!.text))) cands.splice(c, 1);

  // Acronyms defined in brackets: "Islamic State of Iraq and the Levant (ISIL)".
  const acronymOf = new Map<string, string>();
  for (let c = 0; c + 1 < cands.length; c++) {
    const x = cands[c]!;
    const y = cands[c + 1]!;
    if (
      y.from === x.to + 1 &&
      words[x.to]?.text === "(" &&
      words[y.to]?.text === ")" &&
      y.to - y.from === 1 &&
      /^[A-Z]{2,6}$/.test(words[y.from]!.text)
    ) {
      acronymOf.set(words[y.from]!.text, x.key ?? slug(text.slice(words[x.from]!.start, words[x.to - 1]!.end)));
    }
  }

  // Resolve generic candidates to keys.
  const surfaceOf = (c: Candidate) => text.slice(words[c.from]!.start, words[c.to - 1]!.end);
  const multi = new Map<string, { key: string; count: number }>(); // last folded word → key
  // Only a person's name lends its last word: "House" is not "White House", "Bank" not "West Bank".
  const lastWordIndex = (key: string, name: string, kind: ActorKind | null = null) => {
    const parts = spaceSplit(name);
    if (parts.length < 2) return;
    if (kind && kind !== "person") return;
    if (guessKind(name, false) !== "person") return;
    const last = foldName(parts[parts.length - 1]!);
    const prev = multi.get(last);
    if (!prev) multi.set(last, { key, count: 1 });
    else if (prev.key !== key) prev.count++;
  };
  for (const k of known) for (const v of [k.name, ...k.variants]) lastWordIndex(k.key, v, k.kind);
  for (const c of cands)
    if (!c.key && c.to - c.from > 1) lastWordIndex(slug(surfaceOf(c)), surfaceOf(c), c.titled ? "person" : null);
  // Organisations are shortened to their first word ("Halberd" for "Halberd Chemical Works").
  const firstOfOrg = new Map<string, { key: string; count: number }>();
  const addOrg = (key: string, name: string) => {
    const parts = spaceSplit(name);
    if (parts.length < 2 || !ORG_WORDS.has(parts[parts.length - 1]!.toLowerCase())) return;
    const first = foldName(parts[0]!);
    const prev = firstOfOrg.get(first);
    if (!prev) firstOfOrg.set(first, { key, count: 1 });
    else if (prev.key !== key) prev.count++;
  };
  for (const k of known) for (const v of [k.name, ...k.variants]) addOrg(k.key, v);
  for (const c of cands) if (!c.key && c.to - c.from > 1) addOrg(slug(surfaceOf(c)), surfaceOf(c));
  // A single name the text gives a personal title ("President Trump", "Mr Trump") is a person: never an organisation's short name.
  const titledSingles = new Set<string>();
  for (const c of cands) if (!c.key && c.to - c.from === 1 && c.titled) titledSingles.add(foldName(surfaceOf(c)));
  // "Trump said he …": a single name followed in its clause by "he" or "she" before any other name is a person.
  for (const c of cands) {
    if (c.key || c.to - c.from !== 1) continue;
    for (let x = c.to; x < Math.min(words.length, c.to + 6); x++) {
      const w = words[x]!;
      if (w.sentence !== words[c.from]!.sentence || isCap(w) || /^[;,]$/.test(w.text)) break;
      if (w.lower === "he" || w.lower === "she") titledSingles.add(foldName(surfaceOf(c)));
    }
  }
  for (const k of known)
    if (k.kind === "person") for (const v of k.variants) if (!v.includes(" ")) titledSingles.add(foldName(v));
  const knownKeys = new Map<string, string>();
  for (const k of known) for (const v of [k.name, ...k.variants]) knownKeys.set(slug(v), k.key);
  const initials = new Map<string, string>();
  for (const c of cands) {
    if (c.key || c.to - c.from < 2) continue;
    const caps = words
      .slice(c.from, c.to)
      .filter(isCap)
      .map((w) => w.text[0])
      .join("");
    if (caps.length >= 2) initials.set(caps, slug(surfaceOf(c)));
  }

  // States named by their adjective before a word for their institutions or forces ("the Egyptian military regime").
  const coveredWord = new Set<number>();
  for (const c of cands) for (let x = c.from; x < c.to; x++) coveredWord.add(x);
  const demonymCands: Candidate[] = [];
  if (!titleCase) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const state = DEMONYMS.get(w.text);
      if (!state || coveredWord.has(i)) continue;
      let b = i + 1;
      while (
        b < words.length &&
        b - i <= 3 &&
        words[b]!.sentence === w.sentence &&
        words[b]!.text === words[b]!.lower &&
        (words[b]!.pos === "NOUN" || words[b]!.pos === "ADJ")
      )
        b++;
      const head = words[b - 1]!;
      if (b === i + 1 || !(BODY_NOUNS.has(head.lower) || BODY_NOUNS.has(head.lemma)) || coveredWord.has(b)) continue;
      // "Israeli army spokesman Peter Lerner": the noun phrase heads a person's name, not the state.
      const nx = words[b];
      if (nx && nx.sentence === w.sentence && isCap(nx) && nx.pos === "PROPN") continue;
      demonymCands.push({ from: i, to: i + 1, key: state.key, rule: "actor.demonym", kind: "state", titled: false });
    }
  }

  const mentions: Mention[] = [];
  const info = new Map<
    string,
    { name: string; kind: ActorKind | null; variants: Set<string>; count: number; rules: Set<string>; titled: boolean }
  >();
  for (const c of [...cands, ...demonymCands].sort((x, y) => x.from - y.from)) {
    const surface = surfaceOf(c);
    let key = c.key;
    let rule = c.rule;
    if (!key) {
      const s = slug(surface);
      if (knownKeys.has(s)) key = knownKeys.get(s)!;
      else if (c.to - c.from === 1 && acronymOf.has(surface)) {
        key = acronymOf.get(surface)!;
        rule = "actor.acronym";
      } else if (c.to - c.from === 1 && initials.has(surface)) {
        key = initials.get(surface)!;
        rule = "actor.acronym";
      } else if (c.to - c.from === 1 && multi.get(foldName(surface))?.count === 1) {
        key = multi.get(foldName(surface))!.key;
        rule = "actor.surname";
      } else if (
        c.to - c.from === 1 &&
        firstOfOrg.get(foldName(surface))?.count === 1 &&
        !titledSingles.has(foldName(surface))
      ) {
        key = firstOfOrg.get(foldName(surface))!.key;
        rule = "actor.short-name";
      } else key = s;
    }
    if (!key) continue;
    mentions.push({ span: { start: words[c.from]!.start, end: words[c.to - 1]!.end }, actorKey: key, surface, rule });
    let e = info.get(key);
    if (!e)
      info.set(
        key,
        (e = { name: surface, kind: c.kind, variants: new Set(), count: 0, rules: new Set(), titled: false }),
      );
    e.variants.add(surface);
    e.count++;
    e.rules.add(rule);
    if (c.titled) e.titled = true;
    if (c.kind) e.kind = c.kind;
    if (!c.key && surface.length > e.name.length && rule === "actor.name-run") e.name = surface;
    if (rule === "actor.demonym" && e.count === 1) e.name = demonymName.get(key) ?? surface;
  }

  const actors: Actor[] = [];
  const knownByKey = new Map(known.map((k) => [k.key, k]));
  for (const [key, e] of info) {
    const k = knownByKey.get(key);
    const name =
      aliasName.get(key) ?? k?.name ?? (e.rules.has("actor.demonym") ? demonymName.get(key) : undefined) ?? e.name;
    const kind = e.kind ?? k?.kind ?? guessKind(name, e.titled);
    actors.push({
      key,
      name,
      kind,
      affiliation: STATE_NAMES.get(foldName(name)) ?? null,
      variants: [...e.variants],
      mentionCount: e.count,
      salient: e.count >= 2,
      rule: [...e.rules][0]!,
      evidence: [...e.rules],
    });
  }
  actors.sort((x, y) => y.mentionCount - x.mentionCount || x.key.localeCompare(y.key));
  const kindByKey = new Map(actors.map((a) => [a.key, a.kind]));
  for (const m of mentions) m.kind = kindByKey.get(m.actorKey);
  return { actors, mentions };
}

function guessKind(name: string, titled: boolean): ActorKind {
  if (STATE_NAMES.has(foldName(name))) return "state";
  const parts = spaceSplit(name);
  if (parts.some((p) => ORG_WORDS.has(p.toLowerCase()))) return "organisation";
  if (PLACE_WORDS.has(parts[parts.length - 1]!.toLowerCase())) return "place";
  if (parts.some((p) => OTHER_WORDS.has(p.toLowerCase()))) return "other";
  if (titled) return "person";
  if (parts.length >= 2 && parts.length <= 4) return "person";
  if (/^[A-Z]{2,6}$/.test(name)) return "organisation";
  return "other";
}
