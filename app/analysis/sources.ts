// Canonical sources within one article: names split from titles, variants merged, pronouns and
// descriptions ("he", "the minister", "the letter") resolved to an earlier named source, and a
// descriptive kind and affiliation assigned from the gazetteer, each with the words that decided it.
import gazetteer from "./lexicons/gazetteer.json";
import type { Token } from "./nlp";
import type { SourceEntity, SourceKind, Span } from "./types";
import { TITLE_ABBREVIATIONS, normaliseName } from "./words";
import {
  genderCompatible,
  genderFromEvidence,
  givenNameGender,
  modifiersAgree,
  pronounGender,
  roleHolder,
  rolePositions,
  type Gender,
} from "./source-coreference";

interface OrgEntry {
  names: string[];
  kind: SourceKind;
  affiliation: string | null;
}
interface StateEntry {
  names: string[];
  adjectives: string[];
  affiliation: string;
}

/** Source names use the analysis' one name normaliser (words.ts). */
export { normaliseName };

const ORG_TABLE = new Map<string, OrgEntry & { canonical: string }>();
/** Acronym aliases ("IS", "AP", "U.N.") by their normalised key: they match only as written. */
const ACRONYM_FORMS = new Map<string, Set<string>>();
for (const o of gazetteer.entries.organisations as OrgEntry[])
  for (const n of o.names) {
    const key = normaliseName(n);
    ORG_TABLE.set(key, { ...o, canonical: o.names[0]! });
    if (/^[\p{Lu}\d.&-]+$/u.test(n) && /\p{Lu}/u.test(n))
      (ACRONYM_FORMS.get(key) ?? ACRONYM_FORMS.set(key, new Set()).get(key)!).add(n);
  }
/**
 * The gazetteer's organisation for a name or word as written in the text. An acronym alias matches only
 * case-sensitively as a whole: "IS" is the group, "is" is a verb, "Thursday" and "Mr. Schiff" are neither.
 */
const ORGS = {
  get(raw: string): (OrgEntry & { canonical: string }) | undefined {
    const key = normaliseName(raw);
    const o = ORG_TABLE.get(key);
    if (!o) return undefined;
    const forms = ACRONYM_FORMS.get(key);
    if (
      forms &&
      !forms.has(
        raw
          .replace(/[‘’'`“”"]/g, "")
          .replace(/\s+/g, " ")
          .trim(),
      )
    )
      return undefined;
    return o;
  },
  has(raw: string): boolean {
    return ORGS.get(raw) !== undefined;
  },
  get size(): number {
    return ORG_TABLE.size;
  },
};
const STATES = new Map<string, StateEntry & { canonical: string }>();
const STATE_ADJ = new Map<string, string>();
for (const s of gazetteer.entries.states as StateEntry[]) {
  for (const n of s.names) STATES.set(normaliseName(n), { ...s, canonical: s.names[0]! });
  for (const a of s.adjectives) STATE_ADJ.set(normaliseName(a), s.affiliation);
}
const TITLE_KIND = new Map<string, SourceKind>();
for (const [kind, words] of Object.entries(gazetteer.entries.titles as Record<string, string[]>))
  for (const w of words) if (!TITLE_KIND.has(w)) TITLE_KIND.set(w, kind as SourceKind);
/** The titles of two words or more, in the gazetteer's order (checked first in a description), with the spaced form
 * a description is searched for (built once here, not per description and title). */
const MULTIWORD_TITLES = [...TITLE_KIND].filter(([t]) => t.includes(" ")).map(([t, k]) => [t, k, ` ${t} `] as const);
export const GAZETTEER_ENTRY_COUNT = ORGS.size + STATES.size + TITLE_KIND.size;

const PRONOUNS = new Set(["he", "she", "they", "we", "i", "it", "you", "him", "her", "his", "them", "who"]);
const DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "both",
  "another",
  "his",
  "her",
  "their",
  "its",
  "our",
  "one",
  "some",
  "several",
]);
const NAME_PARTICLES = new Set([
  "al",
  "al-",
  "bin",
  "ibn",
  "abu",
  "van",
  "von",
  "de",
  "da",
  "del",
  "der",
  "la",
  "le",
  "el",
  "el-",
  "ben",
  "bint",
  "du",
  "di",
  "st.",
]);
const UNNAMED_HEADS = new Set([
  "sources",
  "source",
  "officials",
  "official",
  "many",
  "some",
  "others",
  "critics",
  "observers",
  "insiders",
  "people",
  "analysts",
  "experts",
  "diplomats",
  "aides",
  "aide",
  "residents",
  "witnesses",
  "someone",
  "most",
  "few",
  "all",
  "everyone",
  "person",
  "supporters",
  "opponents",
  "members",
  "activists",
  "lawmakers",
  "one",
  "reports",
  "media",
  "voters",
  "americans",
  "democrats",
  "republicans",
]);
const GROUP_ROLES = new Set([
  "leaders",
  "leader",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "officials",
  "members",
  "representatives",
  "lawyers",
  "director",
  "head",
  "chief",
]);
const DOC_NOUNS = new Set([
  "letter",
  "report",
  "ruling",
  "statement",
  "memo",
  "document",
  "documents",
  "filing",
  "indictment",
  "verdict",
  "decision",
  "study",
  "poll",
  "survey",
  "analysis",
  "data",
  "transcript",
  "email",
  "emails",
  "tweet",
  "ad",
  "book",
  "article",
  "video",
  "speech",
  "records",
  "cable",
  "complaint",
  "lawsuit",
  "order",
  "resolution",
  "plan",
  "proposal",
  "bill",
  "law",
  "note",
  "message",
  "polls",
  "surveys",
  "website",
  "research",
  "findings",
  "figures",
  "excerpts",
  "excerpt",
]);

const MONTH_NAMES = /^(?:January|February|March|April|June|July|August|September|October|November|December)$/;

/** Quantifiers that leave the members of a named body unspecified ("some Republicans"). */
const UNSPECIFIED = new Set(["some", "several", "many", "few", "other", "fellow", "most"]);

/** Bodies called after a person ("Roe’s campaign"): named, and political when the person is. */
const PRINCIPAL_BODIES = new Set(["campaign", "team"]);

/** Names of legal texts ("the 14th Amendment", "the Constitution", "the Tarn Charter"): named documents. */
const LEGAL_TEXTS = new Set(["amendment", "constitution", "charter", "treaty"]);

/** Participles of issuing a document, between it and its author ("figures released by the ministry"). */
const ISSUED = new Set(["provided", "released", "issued", "published", "prepared", "compiled", "distributed"]);

export interface SourceMention {
  /** Index of the attribution this mention is the source of. */
  attribution: number;
  span: Span;
  text: string;
  /** Tokens of the mention (already sliced from the article's tokens). */
  tokens: Token[];
}

interface Parsed {
  kind: "pronoun" | "named" | "description" | "unnamed";
  name: string;
  description: string | null;
  head: string;
  /** A person's name (given + family or family alone) rather than an organisation. */
  person: boolean;
  plural: boolean;
  /** For documents: a possessive or "from/by" author inside the phrase. */
  author: string | null;
}

function isCap(v: string): boolean {
  return /^\p{Lu}/u.test(v) || NAME_PARTICLES.has(v.toLowerCase()) || /^(al|el|bin|abu)-\p{Lu}/iu.test(v);
}

const NAME_APOSTROPHES = new Set(["‘", "’", "'", "ʿ", "ʻ"]);

/** Heads of "X of Place" names that are bodies, not people ("commission of", "government of", "University of"). */
const INSTITUTION_HEADS = new Set(
  (
    "commission committee council court government ministry department parliament assembly army police university college institute " +
    "board authority agency office bureau tribunal senate congress legislature administration cabinet bank museum academy union federation"
  ).split(" "),
);

const SPOKES_ONLY = new Set(["spokesman", "spokeswoman", "spokesperson"]);
/** Body nouns that stand for the organisation last named as a source ("the group said", "a company spokesperson"). */
const BODY_NOUNS = new Set(["group", "organisation", "organization", "movement", "company", "firm"]);

/** Institution words that, tied to a named state or organisation, make a named source. */
const INSTITUTION_WORDS = new Set([
  ...INSTITUTION_HEADS,
  "military",
  "forces",
  "navy",
  "wing",
  "brigades",
  "brigade",
  "presidency",
  "embassy",
  "prosecutors",
  "prosecutor's",
  "interior",
  "regime",
  "junta",
  "leadership",
  "opposition",
]);
/** The institutions of a state or an organisation (not unions, universities or banks, which are bodies of their own). */
const STATE_INSTITUTIONS = new Set(
  (
    "military forces navy wing brigades brigade presidency embassy prosecutors cabinet parliament administration department " +
    "ministry government agency court army police office authority tribunal commission committee council legislature interior regime junta leadership opposition"
  ).split(" "),
);
const SPOKES_ROLES = new Set([
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "spokespeople",
  "representative",
  "representatives",
  "statement",
  "official",
  "officials",
  "leaders",
  "leader",
  "members",
  "lawyer",
  "lawyers",
]);

/** The qualifier tying an institution to a state or organisation: a nationality word, a possessive name, a name before it. */
function institutionQualified(tokens: Token[], vals: string[], from: number, head: number): boolean {
  for (let i = from; i < head; i++) {
    const v = vals[i]!;
    if (STATE_ADJ.has(normaliseName(v)) || STATES.has(normaliseName(v)) || ORGS.has(v)) return true;
    if (/^\p{Lu}/u.test(v) && !TITLE_KIND.has(v.toLowerCase()) && tokens[i]!.pos !== "DET") return true;
  }
  return false;
}

function institutionMention(tokens: Token[], vals: string[], low: string[]): Parsed | null {
  const last = low.length - 1;
  if (last < 1) return null;
  // "a spokesman for the Veltrian army", "officials of Hamas": the institution or organisation speaks through them.
  const forIdx = low.findIndex(
    (v, i) => (v === "for" || v === "of" || v === "at") && i > 0 && SPOKES_ROLES.has(low[i - 1]!),
  );
  if (forIdx > 0 && forIdx < last) {
    const rest = tokens.slice(forIdx + 1);
    const inner = parseMention(rest);
    const restVals = vals.slice(forIdx + 1);
    const named = inner.kind === "named" && !inner.person && restVals.some((v) => /^\p{Lu}/u.test(v));
    if (named) return { ...inner, description: joinTokens(tokens.slice(DETERMINERS.has(low[0]!) ? 1 : 0)) };
    return null;
  }
  if (!INSTITUTION_WORDS.has(low[last]!) || /^\p{Lu}/u.test(vals[last]!)) return null;
  if (low.some((v) => v === "," || v === "who" || v === "which" || v === "and")) return null;
  const from = DETERMINERS.has(low[0]!) ? 1 : 0;
  if (!institutionQualified(tokens, vals, from, last)) return null;
  const name = joinTokens(tokens.slice(from)).replace(/ (’s|'s)/g, "$1");
  return { kind: "named", name, description: null, head: low[last]!, person: false, plural: false, author: null };
}

/** Capitalised head words of bodies whose names go on with "for" or "of" ("Center for …", "Office of …"). */
const BODY_HEAD =
  /^(Center|Centre|Institute|Office|Council|Committee|Department|Ministry|Bureau|Foundation|Fund|Coalition|Alliance|League|Association|Society|Commission|Agency|Project|Network|Union|Federation|Organization|Organisation|Movement|Front|Board|Campaign)$/;
/** Courtesy titles say nothing about a source's kind and are not part of its name ("Mr. Roe" is Jane Roe's Roe). */
const HONORIFICS = new Set(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "mme", "mme.", "m."]);
/** Words that open a relative clause or an aside after a name. */
const APPOSITIVE_OPENERS = new Set([",", "who", "whose", "which", "--", "—", "–", "("]);
const RELATIVE_OPENERS = new Set(["who", "whose", "which"]);
/** A relative clause that says what the source is or was ("is a", "was president", "served as"). */
const COPULAR_RELATIVE = /^(?:is|was|has been|had been|once was|is now|was once|serves as|served as|became)\b/i;
/** A relative clause of a private person's everyday life ("who has run a bakery there", "who attended the meeting"). */
const ACTIVITY_RELATIVE =
  /^(?:has |have |had )?(?:run|runs|ran|owns|owned|lives|lived|attended|attends|grew up|shops|farms|rents)\b/i;
/** The clause of "who has run a bakery …" when it is a private person's activity, else null. */
function activityClause(low: string): string | null {
  const m = /^(?:who|whose)\s+(.*)$/.exec(low);
  return m && ACTIVITY_RELATIVE.test(m[1]!) ? m[1]! : null;
}
/** "R-S.C.", "D-Calif.", "I-Vt.": a party-state tag after a lawmaker's name. */
const PARTY_TAG = /^[RDI]-?\s?[A-Z][A-Za-z.]*\.?$/;

/**
 * "Larry Roe, a former head of investigations at the Veltrian police, who …": the name before the first comma or
 * relative pronoun, and the appositive (up to its own comma or relative clause) as the description. Also the
 * other order, "the chief executive of Parva, Jack Levin". Null when the phrase holds no such split.
 */
function splitAppositive(tokens: Token[]): { name: Token[]; description: string } | null {
  const k = tokens.findIndex((t, i) => i > 0 && APPOSITIVE_OPENERS.has(t.value.toLowerCase()));
  if (k <= 0 || k >= tokens.length - 1) return null;
  const head = tokens.slice(0, k);
  const lastHead = head[head.length - 1]!;
  let rest = tokens.slice(k + 1);
  if (tokens[k]!.value === "(") {
    const close = rest.findIndex((t) => t.value === ")");
    rest = close >= 0 ? rest.slice(0, close) : rest;
  }
  // The appositive ends at its own comma, dash or relative clause.
  const end = rest.findIndex((t, i) => i > 0 && APPOSITIVE_OPENERS.has(t.value.toLowerCase()));
  const appo = end > 0 ? rest.slice(0, end) : rest;
  let appoText = joinTokens(appo);
  // "Roe, speaking to a radio station, said": a participle clause is what the source did, not what it is.
  // "Roe, who led the charge against Vell, said": only a copular relative clause ("who was mayor") describes.
  const opener = tokens[k]!.value.toLowerCase();
  if (RELATIVE_OPENERS.has(opener)) appoText = `${opener} ${appoText}`;
  const rel = /^(?:who|whose|which)\s+(.*)$/i.exec(appoText);
  if ((appo[0]?.pos === "VERB" && /(ing|ed)$/i.test(appo[0].value)) || (rel && !COPULAR_RELATIVE.test(rel[1]!)))
    appoText = "";
  // "the party's spokesman (of all people)": a bracketed aside opening with a preposition is the writer's comment.
  if (opener === "(" && appo[0]?.pos === "ADP") appoText = "";
  // "the mayor of Hoboken, Dawn Roe": a description (lower-case nouns) before a short capitalised name.
  const nameAfter =
    appo.length > 0 &&
    appo.length <= 5 &&
    appo.every((t) => isCap(t.value) || t.value === "." || t.value === "-") &&
    !PARTY_TAG.test(appoText) &&
    head.some((t) => t.pos === "NOUN" && /^\p{Ll}/u.test(t.value));
  if (nameAfter) return { name: appo, description: joinTokens(head) };
  if (/^\p{Lu}/u.test(lastHead.value) && head.some((t) => /^\p{Lu}/u.test(t.value))) {
    // "Jonathan Smith, 45": an age alone is kept as the description.
    return { name: head, description: PARTY_TAG.test(appoText) ? `party tag ${appoText}` : appoText };
  }
  return null;
}

/** Split a source phrase into name and description. */
export function parseMention(tokens: Token[]): Parsed {
  const app = splitAppositive(tokens);
  if (app) {
    const inner = parseMention(app.name);
    // A person, or a body ("the Clean Tamsel Coalition, a residents' group"): the name before the aside.
    if (inner.kind === "named") {
      const description = [inner.description, app.description].filter(Boolean).join(", ");
      return { ...inner, description: description || null };
    }
  }
  // Parenthetical party tags ("(R-IN)") and commas are not part of a name.
  const kept: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.value === "(") depth++;
    else if (t.value === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.value !== "," && t.value !== "--" && t.value !== "—") kept.push(t);
  }
  // "The letter, as well as other evidence": the first phrase is the source's description.
  const comma = tokens.findIndex((t, i) => i > 0 && t.value === ",");
  if (
    comma > 0 &&
    !tokens.slice(comma).some((t) => t.pos === "PROPN") &&
    !tokens.slice(0, comma).some((t) => t.pos === "PROPN")
  )
    kept.splice(comma);
  tokens = kept;
  const vals = tokens.map((t) => t.value);
  const low = vals.map((v) => v.toLowerCase());
  const last = low[low.length - 1] ?? "";
  if (vals.length === 1 && UNNAMED_HEADS.has(last))
    return { kind: "unnamed", name: last, description: null, head: last, person: false, plural: true, author: null };
  if (vals.length === 1 && PRONOUNS.has(last))
    return {
      kind: "pronoun",
      name: vals[0]!,
      description: null,
      head: last,
      person: last === "he" || last === "she" || last === "i",
      plural: last === "they" || last === "we",
      author: null,
    };
  // Documents with an author: "bin Laden's letter", "a ruling from the US Treasury Department".
  // "excerpts provided by the ministry": a participle of issuing between the document and its author.
  const fromIdx = low.findIndex(
    (v, i) =>
      (v === "from" || v === "by" || v === "of") &&
      i > 0 &&
      (DOC_NOUNS.has(low[i - 1]!) || (v === "by" && i > 1 && ISSUED.has(low[i - 1]!) && DOC_NOUNS.has(low[i - 2]!))),
  );
  if (fromIdx > 0) {
    const authorToks = tokens.slice(tokens.findIndex((t) => t.value.toLowerCase() === low[fromIdx]) + 1);
    const inner = parseMention(authorToks);
    return { ...inner, description: vals.slice(0, fromIdx).join(" "), author: inner.name };
  }
  // "a council statement", "the ministry report": the modifying noun is the author.
  if (
    DOC_NOUNS.has(last) &&
    tokens.length >= 2 &&
    tokens[tokens.length - 2]!.pos === "NOUN" &&
    !DOC_NOUNS.has(low[low.length - 2]!) &&
    !tokens.some((t) => t.pos === "PROPN" || t.value === "’s" || t.value === "'s")
  ) {
    const authorTok = tokens[tokens.length - 2]!;
    return {
      kind: "description",
      name: authorTok.value.toLowerCase(),
      description: vals.join(" "),
      head: last,
      person: false,
      plural: false,
      author: authorTok.value.toLowerCase(),
    };
  }
  // "Roe’s campaign", "Vass’ team": a campaign or team called after its principal is named (the codebook's decision).
  const pe = low.length - 2;
  if (
    pe >= 1 &&
    PRINCIPAL_BODIES.has(last) &&
    (low[pe] === "’s" || low[pe] === "'s" || low[pe] === "’" || low[pe] === "'") &&
    tokens[pe - 1]!.pos === "PROPN"
  ) {
    let s0 = 0;
    while (s0 < pe - 1 && DETERMINERS.has(low[s0]!)) s0++;
    const name = joinTokens(tokens.slice(s0));
    return { kind: "named", name, description: null, head: last, person: false, plural: false, author: null };
  }
  const possIdx = low.findIndex((v) => v === "’s" || v === "'s");
  // "the group's leaders": people speaking for an organisation stand for it.
  if (
    possIdx > 0 &&
    possIdx === low.length - 2 &&
    GROUP_ROLES.has(last) &&
    !tokens.slice(0, possIdx).some((t) => t.pos === "PROPN")
  ) {
    const inner = parseMention(
      tokens.slice(
        0,
        tokens.findIndex((t) => t.value === vals[possIdx]),
      ),
    );
    return { ...inner, description: vals.join(" "), author: inner.name };
  }
  // "a company spokesperson", "the council spokesman": a spokesperson speaks for the body named before the role.
  const n = tokens.length;
  if (
    n >= 2 &&
    n <= 3 &&
    SPOKES_ONLY.has(last) &&
    tokens[n - 2]!.pos === "NOUN" &&
    /^\p{Ll}/u.test(vals[n - 2]!) &&
    (n === 2 || DETERMINERS.has(low[0]!))
  )
    return {
      kind: "description",
      name: low[n - 2]!,
      description: vals.join(" "),
      head: last,
      person: false,
      plural: false,
      author: low[n - 2]!,
    };
  if (possIdx > 0 && possIdx < low.length - 1 && DOC_NOUNS.has(last)) {
    const inner = parseMention(
      tokens.slice(
        0,
        tokens.findIndex((t) => t.value === vals[possIdx]),
      ),
    );
    return { ...inner, description: vals.slice(possIdx + 1).join(" "), author: inner.name };
  }
  // "the electoral commission of Tarnland", "the University of Aldmere": an institution of a place or body
  // speaks, not the place; the whole phrase is the name.
  const ofIdx = low.indexOf("of");
  // "the Ministry of Water and Environment": a capitalised "and" complement stays in the name.
  const capsAfterOf =
    ofIdx > 0 &&
    ofIdx < low.length - 1 &&
    tokens
      .slice(ofIdx + 1)
      .every(
        (t, i, r) =>
          isCap(t.value) ||
          DETERMINERS.has(t.value.toLowerCase()) ||
          t.value === "." ||
          (t.value === "of" && i > 0 && i < r.length - 1 && isCap(r[i + 1]!.value)) ||
          ((t.value === "and" || t.value === "&") && i > 0 && i < r.length - 1 && isCap(r[i + 1]!.value)),
      );
  // "Speaker Paul D. Ryan of Wisconsin", "Capt. Ronald Oduya of the Kestrel Highway Patrol": a person's name before
  // "of" (two words, or one after a title); the place or body after it describes the person.
  if (capsAfterOf && !INSTITUTION_WORDS.has(low[ofIdx - 1]!) && /^\p{Lu}/u.test(vals[ofIdx - 1]!)) {
    const inner = parseMention(tokens.slice(0, ofIdx));
    if (
      inner.kind === "named" &&
      inner.person &&
      (inner.name.split(/\s+/).length >= 2 ||
        inner.description ||
        tokens.slice(0, ofIdx).some((t) => HONORIFICS.has(t.value.toLowerCase()))) &&
      !TITLE_KIND.has(low[ofIdx - 1]!)
    ) {
      const of = joinTokens(tokens.slice(ofIdx));
      return { ...inner, description: inner.description ? `${inner.description} ${of}` : of };
    }
  }
  if (capsAfterOf && INSTITUTION_WORDS.has(low[ofIdx - 1]!)) {
    const from = DETERMINERS.has(low[0]!) ? 1 : 0;
    const name = joinTokens(tokens.slice(from));
    return {
      kind: "named",
      name,
      description: null,
      head: low[ofIdx - 1]!,
      person: false,
      plural: false,
      author: null,
    };
  }
  // "the Israeli military", "Egypt's interior ministry", "Hamas's armed wing", "a spokesman for the Veltrian
  // army": an institution the text ties to a state or organisation is a named source, whichever side it is.
  const inst = institutionMention(tokens, vals, low);
  if (inst) return inst;
  // Name = trailing run of capitalised words that are not titles, nationality adjectives or org words.
  const e = vals.length - 1;
  let s = e + 1;
  while (s - 1 >= 0) {
    const v = vals[s - 1]!;
    const lv = v.toLowerCase().replace(/\.$/, ".");
    // Inside a name: an apostrophe glued to the next word ("Abu ‘Abdullah"), after a capitalised word.
    const before = vals[s - 2];
    if (before && isCap(before) && NAME_APOSTROPHES.has(v) && tokens[s - 1]!.end === tokens[s]?.start) {
      s--;
      continue;
    }
    // "the Center for Immigration Studies", "the Office of Rail Safety": a body's head word and its "for"/"of".
    if ((v === "for" || v === "of" || v === "on") && s <= e && before && BODY_HEAD.test(before)) {
      s -= 2;
      continue;
    }
    if (!isCap(v) && v !== "." && v !== "-" && v !== "&") break;
    // "Rev. Ann Roe", "Maj. Ivo Marr": a title the tokeniser splits from its full stop is not part of the name.
    if (v === "." && before && TITLE_ABBREVIATIONS.has(`${before}.`)) break;
    // A capitalised document word inside a name ("Bill Roe", "the Kestrel Post") is part of it.
    const docWord = TITLE_KIND.get(lv) === "document" && /^\p{Lu}/u.test(v) && s <= e;
    if ((TITLE_KIND.has(lv) && !docWord) || STATE_ADJ.has(normaliseName(v)) || HONORIFICS.has(lv)) break;
    if (lv === "’s" || lv === "'s") break;
    s--;
  }
  let ns = s;
  while (ns <= e && (DETERMINERS.has(vals[ns]!.toLowerCase()) || HONORIFICS.has(vals[ns]!.toLowerCase()))) ns++;
  const nameToks = vals.slice(ns, e + 1);
  if (nameToks.length) {
    const name = joinTokens(tokens.slice(ns, e + 1));
    const descFrom = s > 0 && DETERMINERS.has(vals[0]!.toLowerCase()) ? 1 : 0;
    const descToks = tokens.slice(descFrom, s).filter((t) => !HONORIFICS.has(t.value.toLowerCase()));
    // "a spokeswoman for Roe": a description ending in a preposition is someone else's relation to the name.
    const relational =
      descToks.length > 0 &&
      descToks[descToks.length - 1]!.pos === "ADP" &&
      descToks.some((t) => SPEAKS_FOR.has(t.value.toLowerCase()) || /^(lawyer|attorney)s?$/i.test(t.value));
    const desc = descToks.length && !relational ? joinTokens(descToks) : "";
    const norm = normaliseName(name);
    // "an adviser to Vass", "lawyers for Ann Roe", "a friend of Roe": the role's holder speaks, not the person named.
    const holder = roleHolderBefore(descToks);
    if (holder && !ORGS.has(name) && !STATES.has(norm) && tokens.slice(ns, e + 1).every((t) => t.pos === "PROPN")) {
      const phrase = `${joinTokens(descToks)} ${name}`;
      return {
        kind: "unnamed",
        name: phrase,
        description: phrase,
        head: holder,
        person: true,
        plural: /s$/.test(holder),
        author: null,
      };
    }
    const org =
      ORGS.has(name) ||
      STATES.has(norm) ||
      /\b(Department|Ministry|Party|Center|Centre|Institute|University|Council|Committee|Association|Foundation|Agency|Office|Bureau|Commission|Court|Times|Post|News|Journal|Network|Group|Campaign|Administration|Corp|Corporation|Inc|Ltd|LLC|Company|Bank|Union|Brotherhood|Assembly|House|Senate|Congress|Forces|Army|Police|Service|Press|Club|Fund|Trust|Society|League|Coalition|Alliance|Institution|Organization|Organisation|Federation|Caucus|Board|Authority|Works|Labs|Partners|Forum|Project|Initiative|Movement|Front|Brigades?|Daily|Herald|Tribune|Gazette|Courier|Ledger|Chronicle|Dispatch|Bulletin|Inquirer|Examiner|Sentinel|Telegraph|Observer|Magazine|Radio|Television|TV)\b/.test(
        name,
      );
    return { kind: "named", name, description: desc || null, head: last, person: !org, plural: false, author: null };
  }
  // "the Clinton campaign", "the Vell administration": a campaign or administration called after its principal is named.
  if (
    (last === "campaign" || last === "administration") &&
    tokens.length >= 2 &&
    tokens.length <= 4 &&
    /^\p{Lu}/u.test(vals[vals.length - 2]!) &&
    tokens[tokens.length - 2]!.pos === "PROPN" &&
    !STATE_ADJ.has(normaliseName(vals[vals.length - 2]!))
  ) {
    const from = DETERMINERS.has(low[0]!) ? 1 : 0;
    const name = joinTokens(tokens.slice(from));
    return { kind: "named", name, description: null, head: last, person: false, plural: false, author: null };
  }
  // A whole-phrase proper organisation name such as "the Roper Center for Public Opinion Research".
  const content = vals.filter((v, i) => !(i === 0 && DETERMINERS.has(v.toLowerCase())));
  const capShare = content.filter((v) => isCap(v)).length / Math.max(1, content.length);
  if (capShare >= 0.6 && content.length && isCap(content[0]!))
    return {
      kind: "named",
      name: joinName(content),
      description: null,
      head: last,
      person: false,
      plural: false,
      author: null,
    };
  // "The former Mexican president, who led the country": the head comes before the relative clause.
  const rel = content.findIndex((v, i) => i > 0 && RELATIVE_OPENERS.has(v.toLowerCase()));
  const headTok = content[(rel > 0 ? rel : content.length) - 1] ?? "";
  const unnamed =
    UNNAMED_HEADS.has(last) && !tokens.some((t) => t.pos === "PROPN" && !STATE_ADJ.has(normaliseName(t.value)));
  return {
    kind: unnamed ? "unnamed" : "description",
    name: content.join(" ").replace(/ ’s/g, "’s").replace(/ 's/g, "'s"),
    description: content.join(" ").replace(/ ’s/g, "’s").replace(/ 's/g, "'s"),
    head: headTok.toLowerCase(),
    person: false,
    plural: /s$/.test(last),
    author: null,
  };
}

/** Join tokens with the spacing they have in the text. */
function joinTokens(toks: Token[]): string {
  let out = "";
  for (let i = 0; i < toks.length; i++) {
    if (i > 0 && toks[i]!.start > toks[i - 1]!.end) out += " ";
    out += toks[i]!.value;
  }
  return out;
}

function joinName(vals: string[]): string {
  let out = "";
  for (const v of vals) {
    if (out && !(v === "." || v === "-" || out.endsWith("-") || v === "’s" || v === "'s")) out += " ";
    out += v;
  }
  return out;
}

interface Working extends SourceEntity {
  person: boolean;
  plural: boolean;
  /** Lower-cased tokens of the canonical name, for surname matching. */
  nameTokens: string[];
  lastPos: number;
}

export interface ResolveInput {
  text: string;
  tokens: Token[];
  mentions: SourceMention[];
  /** Token index positions of a word (lower case) in the article, for description look-ups. */
  wordIndex: Map<string, number[]>;
  paragraphs: Span[];
}

/** Build canonical sources; returns entities and, per mention, the entity key (null for no source). */
export function resolveSources(input: ResolveInput): {
  entities: SourceEntity[];
  keyOf: (string | null)[];
  /** Per mention: the mention is a document ("the council's report", "the letter") of the source it resolves to. */
  documentMention: boolean[];
} {
  const { mentions } = input;
  const entities: Working[] = [];
  const keyOf: (string | null)[] = new Array(mentions.length).fill(null);
  const documentMention: boolean[] = new Array(mentions.length).fill(false);
  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.span.start - mentions[b]!.span.start);
  let nextKey = 1;
  const newEntity = (name: string, parsed: Parsed, m: SourceMention, named: boolean): Working => {
    const e: Working = {
      key: `s${nextKey++}`,
      name,
      description: parsed.description,
      kind: "other",
      affiliation: null,
      named,
      kindEvidence: [],
      mentions: [],
      attributionIds: [],
      wordsQuoted: 0,
      person: parsed.person,
      plural: parsed.plural,
      nameTokens: normaliseName(name).split(/[\s-]+/),
      lastPos: m.span.start,
    };
    entities.push(e);
    index(e);
    return e;
  };
  // Look-up tables keep resolution linear in the number of mentions.
  const byNorm = new Map<string, Working>();
  const byOrg = new Map<string, Working>();
  const bySurname = new Map<string, Working>();
  const unnamedByNorm = new Map<string, Working>();
  const index = (e: Working) => {
    const norm = normaliseName(e.name);
    if (!e.named) {
      if (!unnamedByNorm.has(norm)) unnamedByNorm.set(norm, e);
      return;
    }
    byNorm.set(norm, e);
    const org = ORGS.get(e.name);
    if (org) byOrg.set(org.canonical, e);
    if (e.person) bySurname.set(e.nameTokens[e.nameTokens.length - 1]!, e);
    else for (const w of e.nameTokens) if (w.length > 3 && /^[a-z]/.test(w)) orgWord.set(w, e);
  };
  const orgWord = new Map<string, Working>();
  const findNamed = (name: string): Working | undefined => {
    const norm = normaliseName(name);
    const hit = byNorm.get(norm);
    if (hit) return hit;
    const org = ORGS.get(name);
    if (org) return byOrg.get(org.canonical);
    const toks = norm.split(/[\s-]+/);
    // "the council" after "Esterhollow City Council": a bare common noun naming an organisation seen before.
    if (toks.length === 1 && name === name.toLowerCase()) return orgWord.get(toks[0]!);
    const e = bySurname.get(toks[toks.length - 1]!);
    if (!e || !e.named || !e.person) return undefined;
    // A surname (or the tail of a longer name) matching a person already seen.
    if (toks.length < e.nameTokens.length && endsWith(e.nameTokens, toks)) return e;
    if (toks.length > e.nameTokens.length && endsWith(toks, e.nameTokens)) {
      e.name = name; // prefer the fuller form
      e.nameTokens = toks;
      byNorm.set(norm, e);
      return e;
    }
    return undefined;
  };
  /** findNamed without preferring a fuller form (a look-up that changes nothing). */
  const findNamedQuiet = (name: string): Working | undefined => {
    const norm = normaliseName(name);
    const hit = byNorm.get(norm);
    if (hit) return hit;
    const toks = norm.split(/[\s-]+/);
    const e = bySurname.get(toks[toks.length - 1]!);
    return e && e.named && e.person && (toks.length === 1 || endsWith(e.nameTokens, toks)) ? e : undefined;
  };
  // The gender the text gives a source (titles, gendered role words, its given name): null when it gives none.
  const genderOf = (e: Working): Gender | null =>
    e.person
      ? genderFromEvidence(e.nameTokens.length > 1 ? e.nameTokens[0]! : null, [
          e.description ?? "",
          ...e.mentions.slice(0, 20).map((sp) => input.text.slice(sp.start, sp.end)),
        ])
      : null;
  // A person named in the pronoun's own paragraph (or the one before) after the last attribution of the candidate
  // wins over it: the nearest compatible speaker. A known source's surname counts; a new name needs two words.
  const preferNewPerson = (
    cand: Working | undefined,
    m: SourceMention,
    pg: Gender | null = null,
    notHead: (name: string) => boolean = () => true,
  ) => {
    const near = nearestPersonName(input, m.span.start, (parsed, run) => {
      // A name inside a quotation is quoted words, nobody's speech act ("So-called Birthright Citizenship …," he said).
      if (!notHead(parsed.name) || insideQuotation(input, run[0]!.start)) return false;
      const known = findNamedQuiet(parsed.name);
      if (pg === null) return run.length >= 2;
      if (known) return known.person && genderCompatible(pg, genderOf(known));
      const given = run.find((t) => /^\p{Lu}/u.test(t.value) && !TITLE_KIND.has(t.value.toLowerCase()));
      if (run.length === 1) {
        // "Steele sent an e-mail … he asked": a surname the text gave earlier with a given name ("Michael Steele").
        const full = givenNameBefore(input, run[0]!.value, run[0]!.start);
        return full !== null && genderCompatible(pg, givenNameGender(full));
      }
      return run.length >= 2 && genderCompatible(pg, given ? givenNameGender(given.value) : null);
    });
    if (!near) return undefined;
    const pm = paragraphIndex(input.paragraphs, m.span.start);
    const pn = paragraphIndex(input.paragraphs, near.start);
    if (pn !== pm && (pg === null || pn !== pm - 1)) return undefined;
    if (cand && (cand.lastPos >= near.start || paragraphIndex(input.paragraphs, cand.lastPos) >= pn)) return undefined;
    const hit = findNamed(near.name);
    if (hit) return hit;
    const parsed = parseMention(near.tokens);
    const e = newEntity(near.name, parsed, m, true);
    e.kindEvidence.push(`“${m.text}” → nearest earlier name in the paragraph, ${near.name}`);
    return e;
  };
  // "the mayor" → "Mayor Ansel Brannock", "the group" → "the Clean Tamsel Coalition, a residents' group": the name the
  // text attaches that role noun to (a person for a person's role, a body for a body noun), or nothing.
  // A former holder is never the current one ("the former president" is not "President Roe"), nor the other way round.
  const roleHolderName = (
    head: string,
    m: SourceMention,
    wantPerson: boolean,
    described: string[],
  ): Parsed | undefined => {
    const positions = rolePositions(input.wordIndex, head);
    if (!positions) return undefined;
    const range = roleHolder(input.tokens, positions, lowerBound(input.tokens, m.span.start), 12, (i) =>
      modifiersAgree(input.tokens, i, described),
    );
    if (!range) return undefined;
    const run = input.tokens.slice(range[0], range[1] + 1);
    const parsed = parseMention(run);
    if (parsed.kind !== "named" || parsed.person !== wantPerson) return undefined;
    if (wantPerson && (ORGS.has(parsed.name) || STATES.has(normaliseName(parsed.name)))) return undefined;
    return parsed;
  };
  const roleAntecedent = (
    head: string,
    m: SourceMention,
    wantPerson: boolean,
    described: string[] = [],
  ): Working | undefined => {
    const parsed = roleHolderName(head, m, wantPerson, described);
    if (!parsed) return undefined;
    const e = findNamed(parsed.name) ?? newEntity(parsed.name, parsed, m, true);
    if (wantPerson && !e.person) return undefined;
    return e;
  };
  const sameSpan = new Map<number, Working>();
  const recency: Working[] = [];
  const touch = (e: Working) => {
    const i = recency.indexOf(e);
    if (i >= 0) recency.splice(i, 1);
    recency.push(e);
    if (recency.length > 40) recency.shift();
  };
  const recent = (pred: (e: Working) => boolean, before: number): Working | undefined => {
    for (let i = recency.length - 1; i >= 0; i--) {
      const e = recency[i]!;
      if (e.named && pred(e) && e.lastPos < before) return e;
    }
    return undefined;
  };
  for (const idx of order) {
    const m = mentions[idx]!;
    const p = parseMention(possessor(input.tokens, m) ?? m.tokens);
    let ent: Working | undefined;
    let principal: { role: string; modifiers: string[]; body: string } | null = null;
    let holder: Parsed | undefined;
    const viaEvidence: string[] = [];
    const spanKey = m.span.start * 0x100000 + (m.span.end - m.span.start);
    const shared = sameSpan.get(spanKey);
    if (shared) {
      // "She warned … and said …": one subject of two cues is one source.
      ent = shared;
    } else if (p.kind === "pronoun") {
      const pl = p.head === "they" || p.head === "we";
      const pg = pronounGender(p.head);
      // "attacked Tom Vass, who he said …": a pronoun inside a relative clause is not the clause's head.
      const head = relativeAntecedent(input.tokens, m.span.start);
      const notHead = (name: string) => !head || surnameOf(name) !== surnameOf(head);
      ent = recent(
        (e) =>
          notHead(e.name) &&
          (pl ? e.plural || !e.person : p.head === "it" ? !e.person : e.person && genderCompatible(pg, genderOf(e))),
        m.span.start,
      );
      // "Mayor Ann Roe voiced her support": a possessive finds its person as "he" and "she" do.
      if (p.head === "he" || p.head === "she" || p.head === "his" || p.head === "her")
        ent = preferNewPerson(ent, m, pg, notHead) ?? ent;
      if (ent) viaEvidence.push(`pronoun “${m.text}” → ${ent.name}`);
    } else if (p.author) {
      const lowerAuthor = p.author === p.author.toLowerCase();
      ent = findNamed(p.author);
      const spokes = SPOKES_ONLY.has(p.head);
      // "a company spokesperson": the business last named as a source (never a state body or a named institution).
      // "the group's leaders" after "the Clean Tamsel Coalition, a residents' group": the body the text calls so.
      if (!ent && lowerAuthor && BODY_NOUNS.has(p.author)) ent = roleAntecedent(p.author, m, false);
      if (!ent && lowerAuthor && BODY_NOUNS.has(p.author))
        ent = recent(
          (e) =>
            !e.person &&
            (!spokes ||
              (!STATES.has(normaliseName(e.name)) &&
                !ORGS.has(e.name) &&
                !normaliseName(e.name)
                  .split(/\s+/)
                  .some((w) => INSTITUTION_WORDS.has(w) || w === "party"))),
          m.span.start,
        );
      // With no such body, the spokesperson stays an unnamed source of its own ("company spokesperson").
      let own = false;
      if (!ent && spokes && lowerAuthor) {
        own = true;
        const self = { ...p, author: null, description: p.description!.replace(/^(?:a|an|the|one)\s+/i, "") };
        ent = unnamedByNorm.get(normaliseName(self.description)) ?? newEntity(self.description, self, m, false);
      }
      if (!ent && lowerAuthor) {
        const org = nearestOrgName(input, m.span.start, p.author);
        if (org)
          ent = findNamed(org.name) ?? newEntity(org.name, { ...parseMention(org.tokens), person: false }, m, true);
      }
      // "the council's report": a definite institution is named, as "the police said" is.
      const definiteInstitution =
        lowerAuthor && INSTITUTION_WORDS.has(p.author) && /^the$/i.test(m.tokens[0]?.value ?? "");
      ent ??= newEntity(p.author, p, m, !lowerAuthor || definiteInstitution);
      if (!own)
        viaEvidence.push(
          DOC_NOUNS.has(p.head)
            ? `document “${p.description ?? ""}” by ${ent.name}`
            : `“${p.description ?? ""}” speak for ${ent.name}`,
        );
    } else if (p.kind === "named" && UNSPECIFIED.has(m.tokens[0]?.value.toLowerCase() ?? "") && /s$/.test(p.name)) {
      // "some Republicans", "several leading Democrats": unspecified members of a body are not named (the codebook's decision).
      const d = joinTokens(m.tokens);
      ent = unnamedByNorm.get(normaliseName(d)) ?? newEntity(d, { ...p, kind: "unnamed", name: d }, m, false);
    } else if (p.kind === "named") {
      ent = findNamed(p.name) ?? newEntity(p.name, p, m, true);
      if (p.description && !ent.description) ent.description = p.description;
    } else if (p.kind === "description" && !p.plural) {
      // "the minister", "the group", "the author", "the letter": an earlier named source that fits.
      if (DOC_NOUNS.has(p.head)) {
        const author = documentAuthor(input, m, p.head, recency, findNamed);
        if (author) {
          ent = author;
          viaEvidence.push(`“${m.text}” → document of ${author.name}`);
          documentMention[idx] = true;
        }
      } else if (
        (principal = principalRole(m.tokens)) &&
        (holder = roleHolderName(principal.role, m, true, principal.modifiers))
      ) {
        // "the Republican governor's campaign" after "Gov. Ann Roe": the campaign called after the person the text
        // gives that role, named as such a body is ("the Roe campaign"); the holder becomes no source of its own.
        const name = `${displaySurname(holder.name)} ${principal.body}`;
        ent =
          findNamed(name) ??
          newEntity(
            name,
            {
              kind: "named",
              name,
              description: p.description,
              head: principal.body,
              person: false,
              plural: false,
              author: null,
            },
            m,
            true,
          );
        viaEvidence.push(
          `description “${m.text}” → the ${principal.body} of ${holder.name}, whom the text calls “${principal.role}”`,
        );
      } else if (/^(the|this|that)$/i.test(m.tokens[0]?.value ?? "") && (ent = findNamed(p.head))) {
        viaEvidence.push(`description “${m.text}” → ${ent.name}`);
      } else if (
        /^(the|this|that)$/i.test(m.tokens[0]?.value ?? "") &&
        /^\p{Ll}+$/u.test(p.head) &&
        !INSTITUTION_WORDS.has(p.head) &&
        (ent = roleAntecedent(p.head, m, !BODY_NOUNS.has(p.head), describedModifiers(m.tokens, p.head)))
      ) {
        viaEvidence.push(`description “${m.text}” → ${ent.name}, whom the text calls “${p.head}”`);
      } else if (/^(the|this|that)$/i.test(m.tokens[0]?.value ?? "")) {
        const hk = TITLE_KIND.get(p.head);
        ent = recent((e) => {
          // "the group" is a non-state body (never "the police"); "the movement" one the text calls a movement.
          if (p.head === "movement")
            return !e.person && `${normaliseName(e.name)} ${normaliseName(e.description ?? "")}`.includes("movement");
          if (p.head === "group" || p.head === "organisation" || p.head === "organization")
            return (
              !e.person &&
              !STATES.has(normaliseName(e.name)) &&
              !normaliseName(e.name)
                .split(/\s+/)
                .some((w) => STATE_INSTITUTIONS.has(w))
            );
          // "the police", "the administration": a body, never a person who spoke before.
          if (INSTITUTION_WORDS.has(p.head)) return !e.person && normaliseName(e.name).split(/\s+/).includes(p.head);
          // "the campaign", "the team": a body called after a person, never the person.
          if (PRINCIPAL_BODIES.has(p.head)) return !e.person && normaliseName(e.name).split(/\s+/).includes(p.head);
          if (e.description && headOfOwnDescription(e.description, p.head)) return true;
          return (
            e.person &&
            (p.head === "author" || p.head === "writer" || hk === "official" || hk === "politician" || hk === "expert")
          );
        }, m.span.start);
        if (
          p.head === "author" ||
          p.head === "writer" ||
          hk === "official" ||
          hk === "politician" ||
          hk === "expert" ||
          hk === "armed_group"
        )
          ent = INSTITUTION_WORDS.has(p.head) || PRINCIPAL_BODIES.has(p.head) ? ent : (preferNewPerson(ent, m) ?? ent);
        if (ent) viaEvidence.push(`description “${m.text}” → ${ent.name}`);
      }
      // "the police said", "the military said": an institution is named even when its state is not.
      // "a 1902 Supreme Court decision": a document is named when the text names its issuer (the codebook's decision).
      const institution =
        !ent &&
        ((INSTITUTION_WORDS.has(p.head) &&
          p.name.toLowerCase() === p.head &&
          /^the$/i.test(m.tokens[0]?.value ?? "")) ||
          (DOC_NOUNS.has(p.head) && m.tokens.slice(1, -1).some((t) => t.pos === "PROPN")));
      if (!ent) ent = unnamedByNorm.get(normaliseName(p.name)) ?? newEntity(p.name, p, m, institution);
    } else {
      ent = unnamedByNorm.get(normaliseName(p.name)) ?? newEntity(p.name, p, m, false);
    }
    if (!ent) {
      ent = newEntity(m.text, p, m, false);
      ent.kind = "unnamed";
      ent.kindEvidence.push(`unresolved pronoun “${m.text}”`);
    }
    ent.mentions.push(m.span);
    ent.lastPos = m.span.start;
    for (const v of viaEvidence) if (!ent.kindEvidence.includes(v)) ent.kindEvidence.push(v);
    if (p.kind === "unnamed") ent.named = false;
    keyOf[idx] = ent.key;
    sameSpan.set(spanKey, ent);
    if (p.description && p.author && DOC_NOUNS.has(normaliseName(p.description).split(/\s+/).pop() ?? "")) {
      documentMention[idx] = true;
      const ev = `medium: document (${p.head})`;
      if (!ent.kindEvidence.includes(ev)) ent.kindEvidence.push(ev);
    }
    touch(ent);
  }
  for (const e of entities) {
    if (e.person && e.named && e.nameTokens.length === 1) fullestName(e, input);
    classify(e, input);
    // An organisation speaking for itself is its own affiliation.
    // A bare institution ("the police") names no state or organisation: its affiliation stays open.
    if (
      e.named &&
      !e.person &&
      !e.affiliation &&
      e.kind !== "other" &&
      e.kind !== "document" &&
      e.kind !== "unnamed" &&
      e.kind !== "media" &&
      !INSTITUTION_WORDS.has(e.name)
    ) {
      e.affiliation = e.name;
      e.kindEvidence.push(`affiliation: the organisation itself`);
    }
  }
  for (const e of entities) staffOfPrincipal(e, entities);
  for (const e of entities) bodyOfPrincipal(e, entities, input);
  for (const e of entities) holderOfPrincipal(e, entities, input);
  return { entities: entities.map(strip), keyOf, documentMention };
}

/**
 * The first title the text puts before a surname ("Rep. Tom Vell", "Senator Vell"), with its kind: the word right
 * before the surname or before up to two capitalised words ahead of it. Read at the surname's places in the word
 * index, so the work is bounded by how often the surname occurs, not by the length of the text.
 */
function titleBefore(input: ResolveInput, surname: string): { word: string; kind: SourceKind } | null {
  if (!surname) return null;
  const { tokens } = input;
  for (const i of input.wordIndex.get(surname.toLowerCase()) ?? []) {
    if (tokens[i]!.value !== surname) continue;
    let k = i - 1;
    for (let skipped = 0; k >= 0 && skipped <= 2; skipped++) {
      // "Rep." may come as one token or as "Rep" and a full stop joined to it.
      const joinedStop = tokens[k]!.value === "." && k > 0 && tokens[k - 1]!.end === tokens[k]!.start;
      const word = joinedStop ? `${tokens[k - 1]!.value}.` : tokens[k]!.value;
      const kind = TITLE_KIND.get(word.toLowerCase());
      if (kind) return { word: word.toLowerCase(), kind };
      if (!/^\p{Lu}[\p{L}.]*$/u.test(word)) break;
      k -= joinedStop ? 2 : 1;
    }
  }
  return null;
}

/** "an adviser to Vass", "people close to Vass": an unnamed role holder and the person named after the role. */
const HOLDER_OF = /^(?:.*\s)?(\S+)\s+(?:to|for|of)\s+(.+)$/;
/** Roles that say only that someone is near a person, not that they work for them: no kind of their own. */
const NEAR_ONLY = new Set(
  "close friend friends associate associates ally allies confidant confidants relative relatives people sources".split(
    " ",
  ),
);

/**
 * The unnamed holder of a role for a person the text names as a source is affiliated with that person's side: staff
 * take the principal's kind ("an aide to Sen. Vass" → politician); friends and people close to them have no role.
 */
function holderOfPrincipal(e: Working, entities: Working[], input: ResolveInput): void {
  if (e.named || !e.person) return;
  const m = HOLDER_OF.exec(e.name);
  if (!m || !(roleHolderBefore(m[1]!.toLowerCase()) || m[1]!.toLowerCase() === "close")) return;
  const role = m[1]!.toLowerCase();
  const principal = entities.find((x) => x !== e && x.person && x.named && surnameOf(x.name) === surnameOf(m[2]!));
  if (NEAR_ONLY.has(role) && e.kind !== "unnamed") {
    e.kind = "unnamed";
    e.kindEvidence.push(`“${role}” gives no role of their own → unnamed`);
  }
  // "a lawyer for Roe": counsel for a client, like their firm (the codebook's decision).
  if (/^(lawyer|attorney|counsel)s?$/.test(role) && e.kind === "unnamed") {
    e.kind = "other";
    e.kindEvidence.push(`“${role}” for a client → other`);
  }
  if (!principal) {
    // Not a source itself: the title the text gives the principal ("Rep. Tom Vell") still says whom the staff serve.
    const title = SPEAKS_FOR.has(role.replace(/s$/, "")) ? titleBefore(input, m[2]!.split(/\s+/).at(-1) ?? "") : null;
    if (title && (title.kind === "politician" || title.kind === "official")) {
      e.kind = title.kind;
      e.kindEvidence.push(`“${role}” for a ${title.word} (${title.kind}) → ${title.kind}`);
    }
    return;
  }
  e.affiliation = principal.affiliation ?? principal.name;
  e.kindEvidence.push(`affiliation: the side of ${principal.name}, named after “${role}”`);
  if (
    (SPEAKS_FOR.has(role) || SPEAKS_FOR.has(role.replace(/s$/, ""))) &&
    (principal.kind === "politician" || principal.kind === "official")
  ) {
    e.kind = principal.kind;
    e.kindEvidence.push(`“${role}” for ${principal.name} (${principal.kind}) → ${principal.kind}`);
  }
}

/** "Roe's chief of staff", "the senator's spokeswoman": a person's staff role, with the principal's name before it. */
const STAFF_OF =
  /^(?:the\s+)?(.+?)[’']s?\s+(?:senior\s+|deputy\s+|top\s+)?(chief of staff|aide|spokesman|spokeswoman|spokesperson|adviser|advisor|press secretary|communications director|campaign manager)$/i;

/**
 * Staff speak in their principal's role ("Roe's chief of staff" takes Rep. Roe's kind): when the description names a
 * principal who is a source of the text, a politician or an official, the staff member takes that kind.
 */
/** "Roe’s campaign" after "Sen. Ann Roe": the campaign or team of a political figure is political. */
function bodyOfPrincipal(e: Working, entities: Working[], input: ResolveInput): void {
  if (!e.named || e.person || e.kind !== "other") return;
  const m = /^(.+?)(?:’s|'s|’|')? (campaign|team)$/.exec(e.name);
  if (!m) return;
  const surname = surnameOf(m[1]!);
  const principal = entities.find((x) => x !== e && x.person && x.named && surnameOf(x.name) === surname);
  const kind = principal ? principal.kind : titleBefore(input, surname)?.kind;
  if (kind !== "politician" && kind !== "official") return;
  e.kind = "politician";
  e.affiliation ??= principal?.name ?? m[1]!;
  e.kindEvidence.push(`the ${m[2]} of ${principal?.name ?? m[1]} (${kind}) → politician`);
}

function staffOfPrincipal(e: Working, entities: Working[]): void {
  if (!e.person || !e.description) return;
  const m = STAFF_OF.exec(e.description.trim());
  if (!m) return;
  const who = normaliseName(m[1]!).split(/\s+/);
  const principal = entities.find(
    (x) => x !== e && x.person && x.named && endsWith(x.nameTokens, who.slice(-Math.min(who.length, 2))),
  );
  if (!principal || (principal.kind !== "politician" && principal.kind !== "official") || principal.kind === e.kind)
    return;
  e.kind = principal.kind;
  e.kindEvidence.push(`“${m[2]}” of ${principal.name}, a source of kind ${principal.kind} → ${principal.kind}`);
}

const NAME_SUFFIXES = new Set(["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"]);

/**
 * "Mr. Levin said" where the text names him "Jack Levin" elsewhere: a person known by the surname alone takes the
 * fullest form the text gives (given names, initials, particles, "Jr."), when exactly one such form ends in it.
 */
function fullestName(e: Working, input: ResolveInput): void {
  const { tokens, wordIndex } = input;
  const surname = e.nameTokens[0]!;
  const written = e.name;
  const forms = new Map<string, Token[]>();
  for (const i of (wordIndex.get(surname) ?? []).slice(0, 40)) {
    if (tokens[i]!.value !== written) continue;
    let s = i;
    while (s - 1 >= 0 && s > i - 6) {
      const t = tokens[s - 1]!;
      const lv = t.value.toLowerCase();
      const joined = t.end === tokens[s]!.start;
      if (TITLE_KIND.has(lv) || HONORIFICS.has(lv) || STATE_ADJ.has(normaliseName(t.value)) || ORGS.has(t.value)) break;
      if (t.pos === "PROPN" && /^\p{Lu}/u.test(t.value)) s--;
      else if (NAME_PARTICLES.has(lv) && s < i + 1) s--;
      else if ((t.value === "-" || t.value === ".") && joined) s--;
      else break;
    }
    while (s < i && !/^\p{Lu}/u.test(tokens[s]!.value)) s++;
    let end = i;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (next?.value === "," && after && NAME_SUFFIXES.has(after.value.toLowerCase())) end = i + 2;
    else if (next && NAME_SUFFIXES.has(next.value.toLowerCase())) end = i + 1;
    if (s === i) continue;
    const run = tokens.slice(s, end + 1);
    forms.set(normaliseName(joinTokens(run)), run);
  }
  // Two different given names for one surname ("Ann Roe", "Bo Roe"): the text speaks of two people; keep the surname.
  const firsts = new Set([...forms.values()].map((r) => r[0]!.value));
  if (firsts.size !== 1) return;
  const best = [...forms.values()].sort((a, b) => b.length - a.length)[0]!;
  const full = joinTokens(best);
  e.kindEvidence.push(`name: the fullest form in the text, “${full}”`);
  e.name = full;
  e.nameTokens = normaliseName(full).split(/[\s-]+/);
}

function endsWith(long: string[], short: string[]): boolean {
  if (short.length === 0 || short.length > long.length) return false;
  for (let i = 1; i <= short.length; i++) if (long[long.length - i] !== short[short.length - i]) return false;
  return true;
}

function strip(e: Working): SourceEntity {
  return {
    key: e.key,
    name: e.name,
    description: e.description,
    kind: e.kind,
    affiliation: e.affiliation,
    named: e.named,
    kindEvidence: e.kindEvidence,
    mentions: e.mentions,
    attributionIds: e.attributionIds,
    wordsQuoted: e.wordsQuoted,
  };
}

const NAME_JOINERS = new Set(["-", "‘", "’", "'", "."]);

/** The nearest capitalised person name (two words or more) before `pos`, within about 120 tokens. */
/**
 * `parseMention` of tokens s..i of a text's tokens: every pronoun looks back over the same runs of names, so each
 * run is parsed once per token array (parseMention is pure; its result is only read).
 */
const runParses = new WeakMap<Token[], Map<number, Parsed>>();
function parseRun(tokens: Token[], s: number, i: number, run: Token[]): Parsed {
  let memo = runParses.get(tokens);
  if (!memo) runParses.set(tokens, (memo = new Map()));
  const key = s * 0x100000 + i;
  let p = memo.get(key);
  if (!p) memo.set(key, (p = parseMention(run)));
  return p;
}

function nearestPersonName(
  input: ResolveInput,
  pos: number,
  accept: (parsed: Parsed, run: Token[]) => boolean,
): { start: number; name: string; tokens: Token[] } | null {
  const { tokens } = input;
  let i = lowerBound(tokens, pos) - 1;
  const stop = Math.max(0, i - 120);
  for (; i >= stop; i--) {
    if (tokens[i]!.pos !== "PROPN") continue;
    let s = i;
    while (s - 1 >= stop) {
      const t = tokens[s - 1]!;
      const joined = tokens[s]!.start === t.end;
      if (
        t.pos === "PROPN" ||
        NAME_PARTICLES.has(t.value.toLowerCase()) ||
        (NAME_JOINERS.has(t.value) && (joined || t.end === tokens[s]!.start))
      )
        s--;
      else break;
    }
    while (s < i && NAME_JOINERS.has(tokens[s]!.value)) s++;
    const run = tokens.slice(s, i + 1);
    const parsed = parseRun(tokens, s, i, run);
    const words = run.filter((t) => !NAME_JOINERS.has(t.value)).length;
    // "the Office of Congressional Ethics": a capitalised run after "of" ends a body's name, not a person's.
    const ofBefore = tokens[s - 1]?.value === "of" && /^\p{Lu}/u.test(tokens[s - 2]?.value ?? "");
    // "R-Wis." after "Paul Ryan," and "in late August" name no one.
    const noPerson = /^[RDI]-\p{Lu}/u.test(parsed.name) || MONTH_NAMES.test(parsed.name);
    if (
      !ofBefore &&
      !noPerson &&
      parsed.kind === "named" &&
      parsed.person &&
      words >= 1 &&
      !ORGS.has(parsed.name) &&
      !STATES.has(normaliseName(parsed.name)) &&
      accept(
        parsed,
        run.filter((t) => !NAME_JOINERS.has(t.value)),
      )
    )
      return { start: run[0]!.start, name: parsed.name, tokens: run };
    i = s;
  }
  return null;
}

/** The nearest earlier capitalised organisation name ending in `word` ("the council" → "Esterhollow City Council"). */
function nearestOrgName(input: ResolveInput, pos: number, word: string): { name: string; tokens: Token[] } | null {
  const positions = input.wordIndex.get(word) ?? [];
  const { tokens } = input;
  let k = lowerBoundNum(positions, tokens, pos) - 1;
  for (let seen = 0; k >= 0 && seen < 40; k--, seen++) {
    const i = positions[k]!;
    if (!/^\p{Lu}/u.test(tokens[i]!.value)) continue;
    let s0 = i;
    while (
      s0 - 1 >= 0 &&
      i - s0 < 6 &&
      (tokens[s0 - 1]!.pos === "PROPN" || /^\p{Lu}/u.test(tokens[s0 - 1]!.value)) &&
      tokens[s0 - 1]!.value.toLowerCase() !== "the"
    )
      s0--;
    if (s0 === i) continue;
    const run = tokens.slice(s0, i + 1);
    return { name: joinTokens(run), tokens: run };
  }
  return null;
}

function paragraphIndex(paragraphs: Span[], pos: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid]!.start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Roles held for or near a person: "an adviser to", "lawyers for", "a friend of", "people close to". */
const ROLE_HOLDERS = new Set(
  (
    "adviser advisers advisor advisors aide aides spokesman spokeswoman spokesperson spokespeople lawyer lawyers " +
    "attorney attorneys friend friends associate associates ally allies confidant confidants counsel representative " +
    "representatives staffer staffers assistant assistants relative relatives people sources"
  ).split(" "),
);
/** The role word of a description ending "ROLE to/for/of" or "close to", or null; a single word: itself if a role. */
function roleHolderBefore(desc: Token[] | string): string | null {
  if (typeof desc === "string") return ROLE_HOLDERS.has(desc) ? desc : null;
  let n = desc.length;
  // "advisers to Sen. Vass": the principal's own title comes between.
  while (n > 2 && (TITLE_KIND.has(desc[n - 1]!.value.toLowerCase()) || desc[n - 1]!.value === ".")) n--;
  const prep = desc[n - 1]?.value.toLowerCase();
  if (n < 2 || (prep !== "to" && prep !== "for" && prep !== "of")) return null;
  const role = desc[n - 2]!.value.toLowerCase();
  if (prep === "to" && role === "close") return "close";
  return ROLE_HOLDERS.has(role) ? role : null;
}

/**
 * "Braley’s comments", "Sanders’ plan": a name's possessive before the noun that reports the speech is the named
 * source (its tokens without the possessive). Not where no noun follows ("Kristol’s was the harshest"): null.
 */
function possessor(tokens: Token[], m: SourceMention): Token[] | null {
  const n = m.tokens.length;
  if (n < 2) return null;
  const poss = m.tokens[n - 1]!;
  const owner = m.tokens[n - 2]!;
  if (owner.end !== poss.start || !/^\p{Lu}/u.test(owner.value)) return null;
  if (!/^[’']s$/.test(poss.value) && !(/^[’']$/.test(poss.value) && /s$/.test(owner.value))) return null;
  const next = tokens[lowerBound(tokens, m.span.end)];
  return next && (next.pos === "NOUN" || next.pos === "ADJ") ? m.tokens.slice(0, -1) : null;
}

/** "the Republican governor's campaign": the role noun before the possessive of a principal's body, its modifiers. */
function principalRole(tokens: Token[]): { role: string; modifiers: string[]; body: string } | null {
  const n = tokens.length;
  if (n < 4 || !/^(?:the|this|that)$/i.test(tokens[0]!.value)) return null;
  const body = tokens[n - 1]!.value.toLowerCase();
  if (!PRINCIPAL_BODIES.has(body) || !/^(?:’s|'s)$/.test(tokens[n - 2]!.value)) return null;
  const role = tokens[n - 3]!.value;
  if (!/^\p{Ll}+$/u.test(role) || !TITLE_KIND.has(role)) return null;
  return { role, modifiers: tokens.slice(1, n - 3).map((t) => t.value.toLowerCase()), body };
}

/** The lower-case words of a description before its role noun ("The former Mexican president, who …"). */
function describedModifiers(tokens: Token[], head: string): string[] {
  const i = tokens.findIndex((t) => t.value.toLowerCase() === head);
  return tokens.slice(0, Math.max(0, i)).map((t) => t.value.toLowerCase());
}

/** A person's surname as written ("Chris Christie Jr." → "Christie"). */
function displaySurname(name: string): string {
  const ws = name.split(/\s+/).filter((w) => !NAME_SUFFIXES.has(w.toLowerCase().replace(/,$/, "")));
  return ws[ws.length - 1] ?? name;
}

/**
 * Whether a description says the source is a `head` ("the attorney" fits "an attorney for the firm"), not only that it
 * relates to someone else's one ("the attorney representing Roe's campaign" is no campaign).
 */
function headOfOwnDescription(description: string, head: string): boolean {
  const ws = normaliseName(description).split(/\s+/);
  const end = ws.findIndex((w, i) => i > 0 && (DESC_PREPOSITIONS.has(w) || /^\p{L}+ing$/u.test(w)));
  return (end > 0 ? ws.slice(0, end) : ws).includes(head);
}

/** Whether `pos` lies inside a quotation opened earlier in its paragraph (a name quoted is nobody's speech act). */
function insideQuotation(input: ResolveInput, pos: number): boolean {
  const para = input.paragraphs[paragraphIndex(input.paragraphs, pos)];
  const from = para ? para.start : 0;
  const marks = quoteMarks(input);
  const count = (at: number[]) => countBelow(at, pos) - countBelow(at, from);
  return count(marks.open) > count(marks.close) || count(marks.straight) % 2 === 1;
}

/** Where the text's quotation marks stand, found once per text (a pronoun asks for every name it passes). */
const QUOTE_MARKS = new WeakMap<ResolveInput, { open: number[]; close: number[]; straight: number[] }>();
function quoteMarks(input: ResolveInput): { open: number[]; close: number[]; straight: number[] } {
  let marks = QUOTE_MARKS.get(input);
  if (!marks) {
    marks = { open: [], close: [], straight: [] };
    const { text } = input;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x201c) marks.open.push(i);
      else if (ch === 0x201d) marks.close.push(i);
      else if (ch === 0x22) marks.straight.push(i);
    }
    QUOTE_MARKS.set(input, marks);
  }
  return marks;
}

/**
 * A given name the text puts before `surname` earlier than `pos` ("Michael Steele" for a later "Steele"; an initial
 * may stand between), or null. Read at the surname's places in the word index: bounded by its occurrences.
 */
function givenNameBefore(input: ResolveInput, surname: string, pos: number): string | null {
  if (!/^\p{Lu}[\p{L}'’-]+$/u.test(surname)) return null;
  const { tokens } = input;
  for (const i of input.wordIndex.get(surname.toLowerCase()) ?? []) {
    if (tokens[i]!.end > pos) break;
    if (tokens[i]!.value !== surname) continue;
    let j = i - 1;
    // "Michael J. Steele": the initial as one token or as a letter and its full stop.
    if (j >= 0 && /^\p{Lu}\.$/u.test(tokens[j]!.value)) j--;
    else if (j >= 1 && tokens[j]!.value === "." && /^\p{Lu}$/u.test(tokens[j - 1]!.value)) j -= 2;
    const given = tokens[j];
    if (!given || given.end === tokens[j + 1]!.start || !/^\p{Lu}\p{Ll}+$/u.test(given.value)) continue;
    if (givenNameGender(given.value) !== null) return given.value;
  }
  return null;
}

/** The last word of a name, normalised: two names with the same one may be one person. */
function surnameOf(name: string): string {
  return (
    normaliseName(name)
      .split(/[\s-]+/)
      .at(-1) ?? ""
  );
}

/** "attacked Tom Vass, who he said …": the name a "who"/"whom" right before `pos` refers back to, or null. */
function relativeAntecedent(tokens: Token[], pos: number): string | null {
  const k = lowerBound(tokens, pos);
  const rel = tokens[k - 1]?.value.toLowerCase();
  if (rel !== "who" && rel !== "whom") return null;
  const e = tokens[k - 2]?.value === "," ? k - 3 : k - 2;
  let s = e;
  while (s >= 0 && (tokens[s]!.pos === "PROPN" || /^\p{Lu}/u.test(tokens[s]!.value))) s--;
  if (s === e) return null;
  const p = parseMention(tokens.slice(s + 1, e + 1));
  return p.kind === "named" ? p.name : null;
}

/** "The letter" → the author of the most recent "his letter" / "X's letter" / "letter … from X". */
function documentAuthor(
  input: ResolveInput,
  m: SourceMention,
  noun: string,
  recency: Working[],
  findNamed: (name: string) => Working | undefined,
): Working | undefined {
  const positions = input.wordIndex.get(noun) ?? [];
  const { tokens } = input;
  // Only the latest few earlier mentions of the noun are looked at (bounded work per mention).
  let k = lowerBoundNum(positions, tokens, m.span.start) - 1;
  for (let seen = 0; k >= 0 && seen < 30; k--, seen++) {
    const i = positions[k]!;
    // "the council's incident report" … "the report": noun modifiers between the possessive and the noun.
    let q = i - 1;
    while (q > 0 && i - q < 3 && tokens[q]!.pos === "NOUN" && !/^\p{Lu}/u.test(tokens[q]!.value)) q--;
    const prev = tokens[q]?.value.toLowerCase();
    if (prev === "his" || prev === "her" || prev === "their" || prev === "its") {
      const wantPerson = prev === "his" || prev === "her";
      const at = tokens[i]!.start;
      let best: Working | undefined;
      for (const e of recency)
        if (
          e.named &&
          (wantPerson ? e.person : true) &&
          lastBefore(e, at) >= 0 &&
          (!best || lastBefore(e, at) > lastBefore(best, at))
        )
          best = e;
      if (best) return best;
    }
    if (prev === "’s" || prev === "'s") {
      let s = q - 1;
      while (s - 1 >= 0 && q - s < 6 && tokens[s - 1]!.pos === "PROPN") s--;
      const name = tokens
        .slice(s, q)
        .map((t) => t.value)
        .join(" ");
      const hit = findNamed(name);
      if (hit) return hit;
    }
  }
  return undefined;
}

function lastBefore(e: Working, pos: number): number {
  // Mentions are added in text order; the latest ones are at the end.
  for (let i = e.mentions.length - 1; i >= 0 && i >= e.mentions.length - 50; i--)
    if (e.mentions[i]!.start < pos) return e.mentions[i]!.start;
  return -1;
}

/** Kind and affiliation from the gazetteer, titles and nationality words, with the evidence. */
function classify(e: Working, input: ResolveInput): void {
  if (e.kind === "unnamed") return;
  const norm = normaliseName(e.name);
  const ev = e.kindEvidence;
  // "The Hill said": the article "The" is part of some outlets' names.
  const org =
    ORGS.get(e.name) ??
    (e.mentions.some((sp) => /^the\s/i.test(input.text.slice(sp.start, sp.end)))
      ? ORGS.get(`The ${e.name}`)
      : undefined);
  if (org) {
    e.kind = org.kind;
    e.affiliation = org.affiliation;
    ev.push(`gazetteer: ${org.canonical} → ${org.kind}${org.affiliation ? `, ${org.affiliation}` : ""}`);
    return;
  }
  const state = STATES.get(norm);
  if (state) {
    e.kind = "official";
    e.affiliation = state.affiliation;
    ev.push(`gazetteer: state ${state.canonical} → official, ${state.affiliation}`);
    return;
  }
  if (!e.named) {
    const head = normaliseName(e.name).split(/\s+/).pop() ?? "";
    const r = UNNAMED_HEADS.has(head) ? null : kindFromDescription(e.name);
    if (r) {
      e.kind = r.kind;
      ev.push(r.why);
      const aff = affiliationIn(e.name);
      if (aff) {
        e.affiliation = aff.value;
        ev.push(aff.why);
      }
      return;
    }
    e.kind = "unnamed";
    ev.push(`no name given (“${e.name}”)`);
    const aff = affiliationIn(e.name);
    if (aff) {
      e.affiliation = aff.value;
      ev.push(aff.why);
    }
    return;
  }
  // "the 14th Amendment", "the Tarn Charter": a named legal text is a document that speaks for itself.
  const legal = norm.split(/\s+/).pop() ?? "";
  if (LEGAL_TEXTS.has(legal)) {
    e.kind = "document";
    ev.push(`legal text “${legal}” in the name → document`);
    return;
  }
  // A state's or an organisation's institution: its kind from the role the text gives it, its affiliation from the qualifier.
  const ofInst = /^(\S+) of (.+)$/.exec(norm);
  const instHead = ofInst && INSTITUTION_WORDS.has(ofInst[1]!) ? ofInst[1]! : (norm.split(/\s+/).pop() ?? "");
  const writtenHead = ofInst ? e.name.split(/\s+/)[0]! : (e.name.split(/\s+/).pop() ?? "");
  if (!e.person && STATE_INSTITUTIONS.has(instHead) && writtenHead === writtenHead.toLowerCase() && /\s/.test(norm)) {
    e.kind =
      /\b(armed|military) (wing|brigades?)$/.test(norm) || /\bbrigades?$/.test(norm)
        ? "armed_group"
        : /\bpolitical (wing|bureau|leadership)$/.test(norm)
          ? "politician"
          : "official";
    ev.push(`institution “${instHead}” named with its state or organisation → ${e.kind}`);
    const aff = affiliationIn(e.name);
    if (aff) {
      e.affiliation = aff.value;
      ev.push(aff.why);
    } else {
      const q = e.name
        .replace(/^(the|a|an)\s+/i, "")
        .split(/\s+/)
        .filter((w) => /^\p{Lu}/u.test(w))
        .join(" ")
        .replace(/(’s|'s)$/, "");
      if (q) {
        e.affiliation = q;
        ev.push(`named in the text: “${q}”`);
      }
    }
    return;
  }
  // Descriptions given with the source and, for people, elsewhere before the name in the text.
  const descs: string[] = [];
  // "a study by the Kestrel Institute": the document is what the source wrote, not what it is.
  const docDescription = e.description && DOC_NOUNS.has(normaliseName(e.description).split(/\s+/).pop() ?? "");
  if (e.description && !docDescription) descs.push(e.description);
  if (e.person) descs.push(...descriptionsInText(e, input));
  // An academic or medical courtesy title ("Dr") gives way to a role the text states ("the office's chief adviser").
  let pick: { d: string; r: ReturnType<typeof kindFromDescription> } | undefined;
  for (const d of descs) {
    // A private life ("who owns a farm") gives way to an office the text states as well ("Sen. Roe").
    const weakOnly = /^(dr\.?|prof\.?)$/.test(normaliseName(d)) || activityClause(normaliseName(d)) !== null;
    if (weakOnly && pick) continue;
    const r = kindFromDescription(d, (name) => bodyAppositive(input.text, name));
    if (!r) continue;
    pick = { d, r };
    if (!weakOnly) break;
  }
  if (pick && pick.r) {
    const { d, r } = pick;
    e.kind = r.kind;
    ev.push(`the text calls the source “${d}”: ${r.why}`);
    const aff = affiliationIn(d);
    if (aff) {
      e.affiliation = aff.value;
      ev.push(aff.why);
    }
    if (!e.description) e.description = d;
    return;
  }
  const words = norm.split(/\s+/);
  // "House Republicans", "the Kestrel Labour Party": a known organisation at the end of the name decides.
  if (!e.person) {
    const written = e.name.split(/\s+/);
    for (let i = 1; i < written.length; i++) {
      const o = ORGS.get(written.slice(i).join(" "));
      if (o) {
        e.kind = o.kind;
        if (!e.affiliation) e.affiliation = o.affiliation ?? o.canonical;
        ev.push(`gazetteer: “${written.slice(i).join(" ")}” (${o.canonical}) → ${o.kind}`);
        return;
      }
    }
  }
  // "the Republican Governors Association", "the Democratic Senatorial Campaign Committee": a body named after a party.
  if (!e.person) {
    const b = bodyKind(words, e.name.split(/\s+/));
    if (b && b.why === "“party name” → politician") {
      e.kind = b.kind;
      ev.push(`a body named after a party (${b.why})`);
      return;
    }
  }
  for (const w of words.slice().reverse()) {
    const k = TITLE_KIND.get(w);
    // "Bill Roe": a document word in a person's name is a given name, not what the person is.
    if (k && !(k === "document" && e.person)) {
      e.kind = k;
      ev.push(`word “${w}” → ${k}`);
      return;
    }
  }
  if (
    /\b(department|ministry|agency|office|bureau|commission|court|administration|service|police|army|forces)\b/.test(
      norm,
    )
  ) {
    e.kind = "official";
    ev.push(`name contains an institution word → official`);
    return;
  }
  if (
    /\b(times|post|news|journal|network|press|magazine|daily|herald|tribune|gazette|courier|ledger|chronicle|dispatch|bulletin|inquirer|examiner|sentinel|telegraph|observer|radio|television|tv)\b/.test(
      norm,
    )
  ) {
    e.kind = "media";
    ev.push("name contains a publication word → media");
    return;
  }
  if (/\b(university|institute|center|centre|college)\b/.test(norm)) {
    e.kind = "expert";
    ev.push("name contains a research-institution word → expert");
    return;
  }
  // "The Kestrel Courier reported": a name the text introduces with "the" and the verb "report" is a medium.
  const reported = e.mentions.some((sp) => {
    const after = /^\s+(?:(?:has|had|have|also|first|earlier|previously)\s+)*report(?:ed|s)?\b/i.test(
      input.text.slice(sp.end, sp.end + 40),
    );
    return after && /^the\s/i.test(input.text.slice(sp.start, sp.end));
  });
  if (reported) {
    e.kind = "media";
    ev.push("“the” name with the verb “reported” → media");
    return;
  }
  ev.push("no title or gazetteer entry → other");
}

const BUSINESS_WORDS = new Set([
  "company",
  "firm",
  "corporation",
  "business",
  "airline",
  "carmaker",
  "manufacturer",
  "maker",
  "retailer",
  "operator",
  "insurer",
  "lender",
  "developer",
  "contractor",
  "supplier",
  "startup",
]);
const COMPANY_ROLES = new Set([
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "director",
  "chief",
  "officer",
  "adviser",
  "advisor",
  "aide",
  "secretary",
  "inspector",
]);

/** Words that end the head of a description and open its complement ("director of X", "a blogger for X"). */
const DESC_PREPOSITIONS = new Set([
  "of",
  "for",
  "at",
  "with",
  "in",
  "from",
  "to",
  "under",
  "on",
  "by",
  "since",
  "during",
  "representing",
]);
/** Roles that say only that someone speaks or works for a body: the body's kind decides ("a spokeswoman for the party"). */
const GENERIC_ROLES = new Set(
  (
    "spokesman spokeswoman spokesperson director chairman chairwoman chair president head founder co-founder member " +
    "official officials officer counsel adviser advisor aide executive chief leader secretary manager coordinator " +
    "organizer organiser staffer lawyer attorney network"
  ).split(" "),
);
/** Roles that speak for a principal, whose kind they take ("a spokesman for Senator Roe" → politician). */
const SPEAKS_FOR = new Set(
  "spokesman spokeswoman spokesperson aide adviser advisor counselor secretary representative".split(" "),
);
/** Offices whose former holders the text presents as political figures (the others as analysts of their field). */
const FORMER_POLITICAL = new Set(
  (
    "president vice-president governor gov. mayor minister secretary senator sen. congressman congresswoman " +
    "representative rep. speaker candidate nominee chairman chairwoman leader chancellor king queen prince"
  ).split(" "),
);
/** Words that say what kind of body an organisation is, for roles held in it. */
const BODY_WORD_KINDS: [SourceKind, string[]][] = [
  // A party's name as an adjective ("a Republican spokesman", "the Democratic leader") ties the role to the party.
  [
    "politician",
    "gop dnc rnc party movement campaign caucus pac senate house congressional republican republicans democratic democrat democrats".split(
      " ",
    ),
  ],
  [
    "media",
    "times post news journal magazine standard herald tribune gazette blog radio television tv daily".split(" "),
  ],
  ["expert", "university institute school college center centre laboratory lab".split(" ")],
  [
    "civil_society",
    "aclu union coalition association foundation project rights advocacy alliance league charity groups ngo activists".split(
      " ",
    ),
  ],
  ["other", "company corp corporation inc llc ltd firm".split(" ")],
  [
    "official",
    "ministry department government agency administration police army military city county state".split(" "),
  ],
];

/** The kind of the body a role is held in, from the gazetteer or from the words of its name. */
function bodyKind(words: string[], written: string[]): { kind: SourceKind; why: string } | null {
  if (words.join(" ").includes("white house")) return { kind: "official", why: "“White House” → official" };
  // A party or chamber word first: a committee chair in the Senate is a lawmaker, not the state.
  const partyName =
    words.some((x) => x === "democratic" || x === "republican") &&
    words.some((x) => /^(national|committee|caucus|governors|senatorial|leadership|primary)$/.test(x));
  const party = partyName ? "party name" : BODY_WORD_KINDS[0]![1].find((x) => words.includes(x));
  if (party) return { kind: "politician", why: `“${party}” → politician` };
  for (let n = 3; n >= 1; n--)
    for (let i = 0; i + n <= written.length; i++) {
      const o = ORGS.get(written.slice(i, i + n).join(" "));
      if (o) return { kind: o.kind, why: `gazetteer ${o.canonical} → ${o.kind}` };
    }
  for (const [kind, list] of BODY_WORD_KINDS) {
    // Possessives lose their apostrophe in normalised words ("coalition’s" → "coalitions").
    const w = words.find((x) => list.includes(x.replace(/['’]s$/, "")) || list.includes(x.replace(/s$/, "")));
    if (w) return { kind, why: `“${w}” → ${kind}` };
  }
  return null;
}

/** A description's conjuncts (split at commas, semicolons and "and"); most have none, and skip the splitting regex. */
function splitConjuncts(s: string): string[] {
  if (!s.includes(",") && !s.includes(";") && !s.includes("and")) return s ? [s] : [];
  return s.split(/\s*(?:,|\band\b|;)\s*/).filter(Boolean);
}

/** What the text says a body is where it names it: "Families Belong Together, an immigrant advocacy group". */
type BodyLookup = (name: string) => { kind: SourceKind; why: string } | null;

function bodyAppositive(text: string, name: string): { kind: SourceKind; why: string } | null {
  if (!/^\p{Lu}/u.test(name) || name.length < 4) return null;
  const at = text.indexOf(`${name}, `);
  if (at < 0) return null;
  const m = /^(an?|the) ([^,.;:—()"“”]{3,60}?)(?=[,.;:—()]| who | which | that |$)/.exec(
    text.slice(at + name.length + 2),
  );
  if (!m) return null;
  const words = m[2]!.split(/\s+/);
  const b = bodyKind(
    words.map((w) => normaliseName(w)),
    words,
  );
  return b && b.kind !== "official" ? { kind: b.kind, why: `the text calls ${name} “${m[0]}” (${b.why})` } : null;
}

/**
 * `kindFromDescription` kept per description where the result is a pure function of the string and the lexicons:
 * the same descriptions ("the minister", "a spokesman for the ministry") come back within and across articles. A
 * result that consulted the text (`bodyLookup`) is not kept. Results are shared and read only.
 */
const descriptionKinds = new Map<string, { kind: SourceKind; why: string } | null>();
function kindFromDescription(d: string, bodyLookup?: BodyLookup): { kind: SourceKind; why: string } | null {
  const hit = descriptionKinds.get(d);
  if (hit !== undefined) return hit;
  let consulted = false;
  const r = kindFromDescriptionUncached(d, (name) => {
    consulted = true;
    return bodyLookup ? bodyLookup(name) : null;
  });
  if (!consulted) {
    if (descriptionKinds.size > 50_000) descriptionKinds.clear();
    descriptionKinds.set(d, r);
  }
  return r;
}

function kindFromDescriptionUncached(d: string, bodyLookup: BodyLookup): { kind: SourceKind; why: string } | null {
  const low = normaliseName(d);
  // "Jonathan Roe, 45, said": news style gives a private person's age, not an office.
  if (/^\d{1,3}$/.test(low))
    return { kind: "ordinary_person", why: `only an age (“${d}”) given with the name → ordinary_person` };
  // "who has run a bakery there for 22 years", "who attended the meeting": a private person's life, unless a business.
  const activity = activityClause(low);
  if (activity) {
    const business = activity.split(/\s+/).find((w) => BUSINESS_WORDS.has(w));
    return business
      ? { kind: "other", why: `a relative clause of a business (“${business}”) → other` }
      : { kind: "ordinary_person", why: `a relative clause of a private person's life (“${d}”) → ordinary_person` };
  }
  // A relative clause says what the source was ("who was president of …"); the main phrase comes first.
  const rel = /\b(?:who|which|that|whose)\b/.exec(low);
  const formerByClause = rel
    ? /^(?:who|which|that|whose)\s+(?:was|had been|once|formerly|previously|served)\b/.test(low.slice(rel.index))
    : false;
  const main = rel && rel.index > 0 ? low.slice(0, rel.index) : low;
  const mainWritten = rel && rel.index > 0 ? d.slice(0, Math.max(0, d.length - (low.length - rel.index))) : d;
  // "the president and executive director of X": the conjuncts share the last one's complement.
  const conj = splitConjuncts(main);
  const conjWritten = splitConjuncts(mainWritten);
  if (conjWritten.length !== conj.length) conjWritten.splice(0, conjWritten.length, ...conj);
  const parts = conj.map((c, i) => {
    const words = c.split(/\s+/).filter(Boolean);
    let written = conjWritten[i]!.trim()
      .split(/\s+/)
      .filter((w) => normaliseName(w) !== "");
    if (written.length !== words.length) written = words;
    const p = words.findIndex((w, j) => j > 0 && DESC_PREPOSITIONS.has(w));
    return {
      head: p > 0 ? words.slice(0, p) : words,
      headWritten: p > 0 ? written.slice(0, p) : written,
      comp: p > 0 ? words.slice(p + 1) : [],
      compWritten: p > 0 ? written.slice(p + 1) : [],
    };
  });
  const lastComp = [...parts].reverse().find((x) => x.comp.length);
  // A courtesy title ("Dr") counts only where no conjunct states a role.
  const weak = (p: (typeof parts)[number]) => /^(dr\.?|prof\.?)$/.test(p.head.join(" "));
  const ordered = [...parts.filter((p) => !weak(p)), ...parts.filter(weak)];
  for (const part of ordered) {
    const r = kindOfHead(part.head, part.headWritten, formerByClause);
    if (!r) continue;
    const comp = part.comp.length ? part : lastComp;
    if (GENERIC_ROLES.has(r.word) && comp && !r.fixed) {
      const b = bodyKind(comp.comp, comp.compWritten);
      // "a lawyer for Roe", "the attorney representing the campaign": counsel for a client, like their firm.
      if ((r.word === "lawyer" || r.word === "attorney") && b?.kind !== "official")
        return { kind: "other", why: `“${r.word}” for a client (“${comp.compWritten.join(" ")}”) → other` };
      if (b)
        return { kind: b.kind, why: `role “${r.word}” in a body named “${comp.compWritten.join(" ")}” (${b.why})` };
      // A body the gazetteer does not know, described where the text names it.
      const said = bodyLookup(comp.compWritten.join(" ").replace(/^(?:the|a|an)\s+/i, ""));
      if (said) return { kind: said.kind, why: `role “${r.word}”; ${said.why}` };
      // "a spokeswoman for Speaker Jane Roe": a spokesperson or aide takes the kind of the titled person they speak for.
      const principal = SPEAKS_FOR.has(r.word) ? kindOfHead(comp.comp, comp.compWritten, false) : null;
      if (principal && principal.kind !== "document")
        return {
          kind: principal.kind,
          why: `“${r.word}” for “${comp.compWritten.join(" ")}” (${principal.why})`,
        };
    }
    return { kind: r.kind, why: r.why };
  }
  // "a hydrologist at Lanmere University", "a senior member of the party": no title, but the body says it.
  for (const part of parts) {
    if (!part.comp.length) continue;
    const b = bodyKind(part.comp, part.compWritten);
    // "a former head of investigations for the police": a former post in a state body, presented as expertise.
    const former = formerByClause || part.head.some((w) => w === "former" || w === "retired" || w.startsWith("ex-"));
    if (b && b.kind === "official" && former && part.head.some((w) => GENERIC_ROLES.has(w)))
      return { kind: "expert", why: `former “${part.head.join(" ")}” of a state body (${b.why}) → expert` };
    if (b && b.kind !== "official" && b.kind !== "other")
      return {
        kind: b.kind,
        why: `“${part.head.join(" ")}” of a body named “${part.compWritten.join(" ")}” (${b.why})`,
      };
  }
  // "Democratic donor": no title, but a party word says the role is a party's.
  const partyWord = low.split(/\s+/).find((w) => PARTY_WORDS.has(w));
  if (partyWord && parts.length === 1 && !parts[0]!.comp.length)
    return { kind: "politician", why: `party word “${partyWord}” with the role → politician` };
  return null;
}

/** The kind a description's head gives ("a Hoboken city councilman", "the former Seattle police chief"). */
function kindOfHead(
  words: string[],
  written: string[],
  formerByClause: boolean,
): { kind: SourceKind; why: string; word: string; fixed: boolean } | null {
  const former =
    formerByClause || words.some((w) => w === "former" || w === "retired" || w === "ex" || w.startsWith("ex-"));
  const formerKind = (w: string, k: SourceKind): SourceKind =>
    former && k === "official" ? (FORMER_POLITICAL.has(w.replace(/^ex-/, "")) ? "politician" : "expert") : k;
  // Two-word titles first, then single words from the right (the head decides). A title ending the description
  // is found in the spaced form too.
  const spaced = ` ${words.join(" ")} `;
  for (const [t, k, spacedTitle] of MULTIWORD_TITLES)
    if (spaced.includes(spacedTitle)) {
      const kind = formerKind(t, k);
      const why = kind === k ? `title “${t}” → ${k}` : `former “${t}” → ${kind}`;
      return { kind, why, word: t, fixed: true };
    }
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!.replace(/^ex-/, "");
    const k = TITLE_KIND.get(w);
    if (!k) continue;
    // A capitalised document word is a name ("Bill"), not a document.
    if (k === "document" && /^\p{Lu}/u.test(written[i] ?? "")) continue;
    // "a company spokesperson", "the firm's director": a business's role is not a state's.
    const business = words.slice(0, i).find((x) => BUSINESS_WORDS.has(x.replace(/['’]s$/, "")));
    if (business && k === "official" && COMPANY_ROLES.has(w))
      return {
        kind: "other",
        why: `title “${w}” of a ${business.replace(/['’]s$/, "")} → other`,
        word: w,
        fixed: true,
      };
    // "ISIS fighter", "Hamas leader": an armed group's name before a role word makes the role the group's.
    const orgBefore = written
      .slice(0, i)
      .map((x) => ORGS.get(x))
      .find((o) => o);
    if (
      orgBefore &&
      orgBefore.kind === "armed_group" &&
      (k === "politician" || k === "official" || k === "armed_group")
    )
      return {
        kind: "armed_group",
        why: `title “${words.slice(0, i + 1).join(" ")}” (gazetteer ${orgBefore.canonical}) → armed_group`,
        word: w,
        fixed: true,
      };
    // "DNC spokesman", "ACLU director": a body named before a generic role decides its kind.
    if (GENERIC_ROLES.has(w) && i > 0) {
      const b = bodyKind(words.slice(0, i), written.slice(0, i));
      if (b && !former)
        return {
          kind: b.kind,
          why: `role “${w}” of “${written.slice(0, i).join(" ")}” (${b.why})`,
          word: w,
          fixed: true,
        };
    }
    const kind = formerKind(w, k);
    const why = kind === k ? `title “${w}” → ${k}` : `former “${w}” → ${kind}`;
    return { kind, why, word: w, fixed: kind !== k };
  }
  for (const w of written) {
    const o = ORGS.get(w);
    // "a retired FBI profiler": a former member of a state body, presented for what they know.
    if (o && former && o.kind === "official")
      return { kind: "expert", why: `former member of ${o.canonical} (gazetteer) → expert`, word: w, fixed: true };
    if (o) return { kind: o.kind, why: `gazetteer: ${o.canonical} in description → ${o.kind}`, word: w, fixed: true };
  }
  return null;
}

function affiliationIn(d: string): { value: string; why: string } | null {
  const raw = d.split(/\s+/);
  for (let n = 3; n >= 1; n--)
    for (let i = 0; i + n <= raw.length; i++) {
      const w = normaliseName(raw.slice(i, i + n).join(" "));
      const o = ORGS.get(raw.slice(i, i + n).join(" "));
      if (o && o.affiliation)
        return { value: o.affiliation, why: `gazetteer: “${raw.slice(i, i + n).join(" ")}” → ${o.affiliation}` };
      const a = STATE_ADJ.get(w) ?? STATES.get(w)?.affiliation;
      if (a) return { value: a, why: `nationality or state “${raw.slice(i, i + n).join(" ")}” → ${a}` };
    }
  return null;
}

/**
 * What the text says about a person where it names them: the title words before the name ("former al-Qaeda leader
 * Osama bin Laden", "Sen. Jane Roe") and the appositive after it ("Roe, a hydrologist at Lanmere University,").
 */
function descriptionsInText(e: Working, input: ResolveInput): string[] {
  const { tokens, wordIndex } = input;
  const family = e.nameTokens[e.nameTokens.length - 1];
  if (!family) return [];
  const first = e.nameTokens[0]!;
  const out: string[] = [];
  const positions = wordIndex.get(first) ?? [];
  const familyPositions = first === family ? [] : (wordIndex.get(family) ?? []);
  for (const i of [...positions.slice(0, 20), ...familyPositions.slice(0, 20)]) {
    const after = appositiveAfter(tokens, i);
    if (after) out.push(after);
  }
  // Titles before the given name, and before the surname alone ("Secretary Roe", "President Roe").
  for (const i of [...positions.slice(0, 20), ...familyPositions.slice(0, 20)]) {
    const words: string[] = [];
    let k = i - 1;
    while (k >= 0 && i - k <= 6) {
      const t = tokens[k]!;
      const lv = t.value.toLowerCase();
      if (
        TITLE_KIND.has(lv) ||
        NAME_PARTICLES.has(lv) ||
        STATE_ADJ.has(normaliseName(t.value)) ||
        ORGS.has(t.value) ||
        t.pos === "PROPN" ||
        (t.pos === "ADJ" && /^(former|senior|top|deputy|chief|acting)$/.test(lv)) ||
        lv === "-"
      ) {
        words.unshift(t.value);
        k--;
      } else break;
    }
    // Joined as written, so that "al-Qaeda" stays one word for the gazetteer.
    // "Democratic donor Tom Roe", "GOP presidential hopeful Ann Vell": a party word and a role noun before the name
    // (looked for where only the given names stand before it).
    const onlyGiven = words.every((w) => /^\p{Lu}/u.test(w) && !TITLE_KIND.has(w.toLowerCase()) && !ORGS.has(w));
    if (words.length && !onlyGiven) out.push(joinTokens(tokens.slice(k + 1, i)));
    else {
      const party = partyRoleBefore(tokens, k + 1);
      if (party) out.push(party);
      else if (words.length) out.push(joinTokens(tokens.slice(k + 1, i)));
    }
  }
  return out;
}

const PARTY_WORDS = new Set(["democratic", "republican", "gop"]);

/** A party word, an optional adjective and a lower-case role noun right before token `i`, joined; or null. */
function partyRoleBefore(tokens: Token[], i: number): string | null {
  const noun = tokens[i - 1];
  if (!noun || noun.pos !== "NOUN" || !/^\p{Ll}+$/u.test(noun.value)) return null;
  for (const j of [i - 2, i - 3]) {
    const w = tokens[j];
    if (!w) return null;
    if (PARTY_WORDS.has(w.value.toLowerCase()) && /^\p{Lu}/u.test(w.value)) return joinTokens(tokens.slice(j, i));
    if (w.pos !== "ADJ" || !/^\p{Ll}+$/u.test(w.value)) return null;
  }
  return null;
}

/** "Roe, a hydrologist at Lanmere University, said": the appositive right after a name (its head, before a relative clause). */
function appositiveAfter(tokens: Token[], i: number): string | null {
  let k = i + 1;
  while (k < tokens.length && k - i < 4 && tokens[k]!.pos === "PROPN" && /^\p{Lu}/u.test(tokens[k]!.value)) k++;
  // "Roe Jr., 56,": a name suffix and its comma are still the name.
  if (tokens[k]?.value === "," && NAME_SUFFIXES.has(tokens[k + 1]?.value.toLowerCase() ?? "")) k += 2;
  else if (NAME_SUFFIXES.has(tokens[k]?.value.toLowerCase() ?? "")) k++;
  if (tokens[k]?.value === ".") k++;
  if (tokens[k]?.value !== ",") return null;
  const first = tokens[k + 1];
  if (!first) return null;
  const fl = first.value.toLowerCase();
  // "Mr. Dorrel, who was president from 2006 until 2012,": a copular relative clause says what the person was.
  if (RELATIVE_OPENERS.has(fl)) {
    const rest: string[] = [];
    for (let j = k + 2; j < tokens.length && j - k <= 12; j++) {
      const v = tokens[j]!.value;
      if (v === "," || v === "." || v === ";" || v === "—" || v === "--") break;
      rest.push(v);
    }
    const clause = rest.join(" ");
    return COPULAR_RELATIVE.test(clause) || ACTIVITY_RELATIVE.test(clause) ? `${fl} ${clause}` : null;
  }
  // "Cesar Roe Jr., 56, of Vell": an age right after the name.
  if (/^\d{1,3}$/.test(first.value) && /^[,.;]$/.test(tokens[k + 2]?.value ?? "")) return first.value;
  if (!(
    DETERMINERS.has(fl) ||
    TITLE_KIND.has(fl) ||
    /^(former|senior|deputy|acting|chief|longtime)$/.test(fl) ||
    PARTY_TAG.test(first.value)
  ))
    return null;
  const words: string[] = [];
  for (let j = k + 1; j < tokens.length && j - k <= 14; j++) {
    const v = tokens[j]!.value;
    if (v === "," || v === "." || v === ";" || v === "—" || v === "--" || /^(who|whose|which|that|said|says)$/i.test(v))
      break;
    words.push(v);
  }
  return words.length ? words.join(" ") : null;
}

/** How many items at the start of a list come before a point (`before` holds for them and for none after them). */
function countBefore<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** The first token that starts at or after `pos`. */
const lowerBound = (tokens: Token[], pos: number) => countBefore(tokens, (t) => t.start < pos);
/** The first of the token positions whose token starts at or after `pos`. */
const lowerBoundNum = (positions: number[], tokens: Token[], pos: number) =>
  countBefore(positions, (i) => tokens[i]!.start < pos);
/** How many of the ascending positions are below `pos`. */
const countBelow = (at: number[], pos: number) => countBefore(at, (x) => x < pos);
