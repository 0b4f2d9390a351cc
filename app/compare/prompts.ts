// Discussion prompts: questions built from the largest measured differences between the compared articles,
// each citing the spans it rests on. Wording comes from prompt-templates.json and names articles only by the
// labels given (outlet names, or "Article A" in blind mode); it describes what texts do, then asks.
import codebook from "#app/analysis/codebook.json";
import type { CueStance, MarkerType } from "#app/analysis/types";
import { MARKED_LABEL_CLASSES, type LabelClass } from "#app/analysis/naming";
import type { ArticleFigures, ClaimCell, Comparison, Figure, NamingCell, NamingDescriptor, Trace } from "./compare";
import labelLexicon from "#app/analysis/lexicons/labels.json";
import templates from "./prompt-templates.json";
import { STOP_WORDS, stem } from "#app/analysis/stem";

export type PromptTemplateId = keyof typeof templates.templates;

export interface DiscussionPrompt {
  id: string;
  template: PromptTemplateId;
  text: string;
  /** The articles the prompt compares, first the one named first. */
  articles: number[];
  evidence: Trace[];
}

interface Candidate extends DiscussionPrompt {
  /** Size of the difference, roughly 0 to 1, comparable across kinds. */
  score: number;
  family: string;
}

export const MIN_PROMPTS = 3;
export const MAX_PROMPTS = 6;

function fill(id: PromptTemplateId, values: Record<string, string | number>): string {
  return templates.templates[id].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

function labelOf(list: { id: string; label: string }[], id: string): string {
  return list.find((x) => x.id === id)?.label ?? id;
}

function pct(n: number, d: number): number {
  return d ? Math.round((n * 100) / d) : 0;
}

function num(v: number): string {
  return (Math.round(v * 10) / 10).toLocaleString("en-GB", { maximumFractionDigits: 1 });
}

/** A claim as the prompt quotes it: at most 18 words of the article's own text. */
function quoteClaim(text: string): string {
  const words = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^["“”'‘’]+|["“”'‘’.,;:]+$/g, "")
    .split(" ");
  return words.length > 18 ? words.slice(0, 18).join(" ") + " …" : words.join(" ");
}

function uniqueTrace(trace: Trace[]): Trace[] {
  const seen = new Set<string>();
  return trace.filter((t) => {
    const k = `${t.articleId}:${t.field ?? "body"}:${t.span.start}:${t.span.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Ordered pairs of different articles, focal-first pairs before the others. */
function pairs(c: Comparison): [ArticleFigures, ArticleFigures][] {
  const out: [ArticleFigures, ArticleFigures][] = [];
  for (const a of c.figures) for (const b of c.figures) if (a.articleId !== b.articleId) out.push([a, b]);
  return out;
}

/** Two cells of one group are close enough to quote as one claim: both at least this similar to the central claim. */
export const PROMPT_SIMILARITY = 0.5;
/** Reporting words inside a claim: an "own voice" claim that contains them gives someone else's view. */
const REPORTING =
  /\b(?:said|says|say|told|tells|according to|counter(?:s|ed)?|argue[sd]?|contend(?:s|ed)?|insist(?:s|ed)?|maintain(?:s|ed)?|claim(?:s|ed)?|believe[sd]?|suggest(?:s|ed)?|warn(?:s|ed)?|think|thinks|allege[sd]?|accuse[sd]?|wrote|writes)\b/i;

function words(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
}

/** Content stems of a claim's words (no stop words, no one- or two-letter words). */
function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .match(/[\p{L}\p{N}]+/gu) ?? [])
    if (w.length > 2 && !STOP_WORDS.has(w)) out.add(stem(w));
  return out;
}

/** Share of an "only in" claim's content words that another article's claim may hold before it may be the same claim. */
const ONLY_IN_SHARE = 0.4;

const NEGATION = /\b(?:not|no|never|cannot|without|neither|nor|none|nothing)\b|n['’]t\b/i;

/** Share of the stems of `a` found in `b`, and how many. */
function covered(a: Set<string>, b: Set<string>): { share: number; n: number } {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return { share: a.size ? n / a.size : 0, n };
}

/**
 * Content stems of a claim's common words: no names (a capitalised word after the first) and no numbers, so what is
 * left says what happens rather than who and when.
 */
function predicateStems(text: string): Set<string> {
  const out = new Set<string>();
  const tokens = text.replace(/[’']s\b/g, "").match(/[\p{L}\p{N}]+/gu) ?? [];
  tokens.forEach((w, i) => {
    const lower = w.toLowerCase();
    if (i > 0 && /^\p{Lu}/u.test(w)) return;
    if (/\p{N}/u.test(w) || lower.length <= 2 || STOP_WORDS.has(lower)) return;
    out.add(stem(lower));
  });
  return out;
}

/**
 * Two quotes a prompt calls one claim state one proposition as far as words can show: the same polarity (a
 * negation in one only makes a different or opposite claim), at least three content words shared, and most of
 * the shorter claim's content words found in the other; and the same predicate, not only the same participants:
 * at least two of the common words (no names, no numbers) shared, half of the shorter claim's. "was sued by his
 * former aide, Lauren Greene, in 2014" and "used $84,000 in taxpayer funds to settle a lawsuit his former
 * director, Lauren Greene, had filed in 2014" share a person, a year and "former", not what happened.
 */
export function sameProposition(a: string, b: string): boolean {
  if (NEGATION.test(a) !== NEGATION.test(b)) return false;
  const sa = contentStems(a);
  const sb = contentStems(b);
  const [short, long] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  const c = covered(short, long);
  if (c.n < 3 || c.share < 0.6) return false;
  const pa = predicateStems(a);
  const pb = predicateStems(b);
  const [pShort, pLong] = pa.size <= pb.size ? [pa, pb] : [pb, pa];
  const p = covered(pShort, pLong);
  return p.n >= 2 && p.share >= 0.5;
}

/** A whole sentence: starts with a capital (or quotation mark) and ends with its full stop, question or exclamation mark. */
function wholeSentence(text: string): boolean {
  const t = text.trim();
  return /^["“‘']?[\p{Lu}\p{N}]/u.test(t) && /[.!]["”’)]*$/.test(t) && !t.includes(" … ");
}

/** A clause that stops at a relative word, conjunction, preposition or article: its sentence goes on about it. */
const DANGLING_END =
  /\b(?:which|that|who|whom|whose|where|when|while|as|and|but|or|because|after|before|if|since|than|to|of|in|on|at|by|for|with|from|the|a|an)[\s,;:—–-]*$/i;

/** A claim worth naming alone: a clause of six words or more, not a question, not a fragment starting mid-sentence. */
function standsAlone(text: string): boolean {
  const t = text.trim().replace(/^["“‘']+/, "");
  return (
    /^[\p{Lu}\p{N}]/u.test(t) &&
    !/\?["”’]*$/.test(t) &&
    !t.includes(" … ") &&
    (t.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 6
  );
}

function claimCandidates(c: Comparison, label: (id: number) => string): Candidate[] {
  const out: Candidate[] = [];
  for (const g of c.claimGroups) {
    const byArticle = new Map<number, ClaimCell[]>();
    for (const cell of g.cells) byArticle.set(cell.articleId, [...(byArticle.get(cell.articleId) ?? []), cell]);
    if (byArticle.size === 1 && c.articles.length >= 2) {
      // Check: no claim of another article shares even two of its terms (else it may be there in other words),
      // and the claim reads as a claim on its own.
      const only = g.cells[0]!;
      // Only the outlet's own words: a speaker's quoted words are the speaker's, not the outlet's claim.
      if (
        (g.closest ?? []).length > 0 ||
        only.stance !== "asserted" ||
        only.attributionTrace.length ||
        !standsAlone(only.text) ||
        !wholeSentence(only.text)
      )
        continue;
      // And no claim of another article holds 40% of its content words (it may be there in other words).
      const mine = contentStems(only.text);
      const elsewhere = c.claimGroups.some((h) =>
        h.cells.some(
          (x) => x.articleId !== only.articleId && covered(mine, contentStems(x.text)).share >= ONLY_IN_SHARE,
        ),
      );
      if (elsewhere) continue;
      const others = c.articles.filter((a) => a.id !== only.articleId).map((a) => label(a.id));
      out.push({
        id: "",
        template: "claim-only-in",
        family: "claim-only",
        score: 0.35 + Math.min(0.2, only.centrality / 5),
        articles: [only.articleId],
        text: fill("claim-only-in", {
          a: label(only.articleId),
          claim: quoteClaim(only.text),
          others:
            others.length === 1 ? others[0]! : others.slice(0, -1).join(", ") + " and " + others[others.length - 1],
        }),
        evidence: uniqueTrace(only.trace),
      });
      continue;
    }
    // Check: both cells close to the group's central claim, so the two quotes state one proposition; the "own
    // voice" claim holds no reporting words, starts a sentence and does not stop mid-clause (a piece cut before
    // "which two people briefed on the matter have said" may be what the rest of its sentence attributes), and is not
    // the other article's quoted words (a quotation set without marks); the other claim holds no second attribution.
    const close = (x: ClaimCell) => (x.similarity ?? 0) >= PROMPT_SIMILARITY;
    for (const [aId, aCells] of byArticle) {
      const asserted = aCells.find(
        (x) =>
          x.stance === "asserted" &&
          close(x) &&
          !REPORTING.test(x.text) &&
          standsAlone(x.text) &&
          !DANGLING_END.test(x.text),
      );
      if (!asserted) continue;
      const own = words(asserted.text);
      for (const [bId, bCells] of byArticle) {
        if (bId === aId || bCells.some((x) => x.stance === "asserted")) continue;
        const cand = bCells.filter(
          (x) =>
            close(x) &&
            !/\b(?:said|says|told)\b/i.test(x.text) &&
            !words(x.text).includes(own) &&
            !own.includes(words(x.text)) &&
            sameProposition(asserted.text, x.text),
        );
        const denied = cand.find((x) => x.stance === "denied" && x.stanceEvidence?.length);
        const attributed = cand.find((x) => x.stance === "attributed" && x.sourceName && x.attributionTrace?.length);
        const unnamed = cand.find((x) => x.stance === "unnamed" && x.attributionTrace?.length);
        const hedged = cand.find((x) => x.stance === "hedged" && x.stanceEvidence?.length);
        let template: PromptTemplateId;
        let score: number;
        let cell: ClaimCell;
        let extra: Record<string, string> = {};
        if (denied)
          [template, score, cell, extra] = [
            "claim-denied",
            0.95,
            denied,
            { denial: quoteClaim(denied.stanceEvidence[0]!) },
          ];
        else if (attributed)
          [template, score, cell, extra] = ["claim-attributed", 0.8, attributed, { source: attributed.sourceName! }];
        else if (unnamed) [template, score, cell] = ["claim-unnamed", 0.75, unnamed];
        else if (hedged)
          [template, score, cell, extra] = ["claim-hedged", 0.65, hedged, { hedge: hedged.stanceEvidence[0]! }];
        else continue;
        if (aId === c.focalId) score += 0.05;
        out.push({
          id: "",
          template,
          family: denied ? "claim-denied" : "claim",
          score,
          articles: [aId, bId],
          text: fill(template, {
            a: label(aId),
            b: label(bId),
            claimA: quoteClaim(asserted.text),
            claimB: quoteClaim(cell.text),
            ...extra,
          }),
          evidence: uniqueTrace([...asserted.trace, ...cell.trace, ...(cell.attributionTrace ?? [])]),
        });
      }
    }
  }
  return out;
}

/** A source whose name is a pronoun or nothing: "he" may be a person the text names, so an unnamed count may be false. */
const PRONOUN_SOURCE = /^(?:|he|she|him|her|his|hers|they|them|their|we|i|who|it|its)$/i;

/**
 * A description, not a name: "officials", "the cameraman", "two people", "Federal authorities". A source counted as
 * unnamed whose words begin with another capitalised word ("Ryan Tolle, founder of …", "Harbourwatch in a post")
 * may be named, and then an unnamed count is not a fact.
 */
const DESCRIPTION =
  /^(?:(?:[Tt]he|[Aa]n?|[Ss]ome|[Ss]everal|[Mm]any|[Mm]ultiple|[Tt]wo|[Tt]hree|[Ff]our|[Oo]ther|[Oo]ne|[Ss]enior|[Tt]op|[Ff]ederal|[Ll]ocal|[Ss]tate|[Ll]aw)\s+)*(?:\p{Ll}|(?:Sources?|Officials?|Authorities|Critics|Aides?|Residents|Investigators|Police|Analysts|Experts|People|Witnesses|Supporters|Opponents|Observers|Protesters|Activists|Members|Leaders|Spokes(?:man|woman|person)|Lawmakers|Diplomats|Prosecutors)\b)/u;

/** For a share of attributions "to sources the text does not name": every one has a source ("appeared to" has none). */
function unnamedShareHolds(f: ArticleFigures): boolean {
  const described = f.sources.filter((s) => !s.named).reduce((n, s) => n + s.attributions.value, 0);
  return described === f.unnamedAttributions.value && unnamedCountHolds(f);
}

function unnamedCountHolds(f: ArticleFigures): boolean {
  return f.sources.every((s) => {
    if (s.named || s.attributions.value === 0) return true;
    const name = s.name.trim();
    // A source only ever called "the journalist" may be a journalist the article names (see SourceFigure.mayBeNamed).
    return !PRONOUN_SOURCE.test(name) && DESCRIPTION.test(name) && !s.mayBeNamed;
  });
}

/** The last capitalised word of a source's name ("Mr. Dorin Velasko" → "velasko"), to find one person in two articles. */
function surname(name: string): string | null {
  const caps = (name.match(/\p{Lu}[\p{L}’'-]+/gu) ?? []).filter((x) => !/^\p{Lu}-/u.test(x));
  const w = caps
    .filter((x) => !/^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|President|Senator|Representative|Secretary|Speaker)$/.test(x))
    .at(-1);
  // "Calderon" and "Calderón" are one person.
  return w ? w.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase() : null;
}

function unnamedCandidates(c: Comparison, label: (id: number) => string): Candidate[] {
  const out: Candidate[] = [];
  for (const [a, b] of pairs(c)) {
    const ta = a.attributions.value;
    const tb = b.attributions.value;
    if (ta < 3 || tb < 3) continue;
    // Check: no source counted as unnamed is only a pronoun (it may stand for a named person).
    if (!unnamedShareHolds(a) || !unnamedShareHolds(b)) continue;
    const pa = a.unnamedAttributions.value / ta;
    const pb = b.unnamedAttributions.value / tb;
    if (pa - pb < 0.15) continue;
    out.push({
      id: "",
      template: "unnamed-share",
      family: "unnamed",
      score: Math.min(0.9, 0.3 + (pa - pb)),
      articles: [a.articleId, b.articleId],
      text: fill("unnamed-share", {
        a: label(a.articleId),
        b: label(b.articleId),
        pa: pct(a.unnamedAttributions.value, ta),
        pb: pct(b.unnamedAttributions.value, tb),
        na: a.unnamedAttributions.value,
        nb: b.unnamedAttributions.value,
        ta,
        tb,
      }),
      evidence: uniqueTrace([...a.unnamedAttributions.trace, ...b.unnamedAttributions.trace]),
    });
  }
  return out;
}

// No scare-quote prompt: the detector cannot tell a partial quotation ("called it “a disaster”") from distance
// marks well enough to state a count as fact; the chart shows it with its guide.
const DENSITY_TEMPLATES: [MarkerType, PromptTemplateId, number][] = [
  ["hedge", "hedge-density", 0.7],
  ["loaded", "loaded-density", 0.7],
  ["booster", "booster-density", 0.55],
];

const within = (t: Trace, r: Trace) =>
  t.articleId === r.articleId &&
  (t.field ?? "body") === (r.field ?? "body") &&
  r.span.start <= t.span.start &&
  t.span.end <= r.span.end;

/** Two spans of one text with at most a few characters (a space, a comma) between them. */
const adjacent = (a: Trace, b: Trace) =>
  a.articleId === b.articleId &&
  (a.field ?? "body") === (b.field ?? "body") &&
  ((b.span.start >= a.span.end && b.span.start - a.span.end <= 3) ||
    (a.span.start >= b.span.end && a.span.start - b.span.end <= 3));

/**
 * Check for a hedge or booster count: no word counted is the reporting verb of an attribution to a source ("the
 * record indicates that …", "the report confirmed that …"): it says what the source states, not how sure the writer
 * is. A sourceless frame ("it is understood that …") and an adverb inside the clause it qualifies ("the plan
 * reportedly calls for …") are the writer's hedges and may be counted.
 */
function stanceMarkersHold(f: ArticleFigures, type: MarkerType): boolean {
  if (type !== "hedge" && type !== "booster") return true;
  const cues = Object.values(f.cueStances).flatMap((x) => x.trace);
  const contents = f.attributions.trace;
  const sourced = f.sources.flatMap((s) => s.attributions.trace);
  return f.markerCounts[type].trace.every((m) => {
    if (contents.some((x) => within(m, x))) return true;
    const cue = cues.find((q) => within(q, m) || within(m, q));
    return !cue || !sourced.some((x) => adjacent(cue, x));
  });
}

function densityCandidates(c: Comparison, label: (id: number) => string): Candidate[] {
  const out: Candidate[] = [];
  for (const [type, template, weight] of DENSITY_TEMPLATES) {
    for (const [a, b] of pairs(c)) {
      if (!stanceMarkersHold(a, type) || !stanceMarkersHold(b, type)) continue;
      const da = a.densities[type].value;
      const db = b.densities[type].value;
      const na = a.markerCounts[type].value;
      const nb = b.markerCounts[type].value;
      // At least two markers and twice the density: smaller gaps are within what one sentence changes.
      if (na < 2 || da < 2 * db || da - db < 1.5) continue;
      out.push({
        id: "",
        template,
        family: type,
        score: weight * Math.min(1, (da - db) / da) + Math.min(0.15, (da - db) / 100),
        articles: [a.articleId, b.articleId],
        text: fill(template, { a: label(a.articleId), b: label(b.articleId), da: num(da), db: num(db), na, nb }),
        evidence: uniqueTrace([...a.markerCounts[type].trace, ...b.markerCounts[type].trace]),
      });
    }
  }
  return out;
}

/** Every marked label class (naming.ts decides which are unmarked: governance, role or title, descriptive) weighs alike. */
const LABEL_WEIGHT = 0.85;
const MARKED_CLASSES: LabelClass[] = MARKED_LABEL_CLASSES;

/** Classes whose words English capitalises anyway (beliefs, peoples, places, sponsors, titles): "Islamist", "Iranian". */
const PROPER_CLASSES = new Set<LabelClass>([
  "ideological_religious",
  "descriptive",
  "sponsorship_qualifier",
  "substitute_name",
  "role_title",
]);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A descriptor whose class rests only on capitalised words that the label list holds in lower case takes it from a
 * name, not a word chosen for the actor: "the billionaire Democratic donor" names a party, not a democratic system
 * of rule (a governance term); "the State Department" is no governance term either.
 */
/** Each label class's entries as whole-word patterns, built once (not per descriptor). */
const ENTRY_PATTERNS = new Map(
  Object.entries(labelLexicon.entries as Record<string, string[]>).map(([cls, entries]) => [
    cls,
    entries.map((e) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(e)}(?![\\p{L}\\p{N}])`, "giu")),
  ]),
);

function classFromName(d: NamingDescriptor): boolean {
  if (PROPER_CLASSES.has(d.labelClass)) return false;
  const found = (ENTRY_PATTERNS.get(d.labelClass) ?? []).flatMap((re) => [...d.text.matchAll(re)]);
  return found.length > 0 && found.every((m) => /^\p{Lu}/u.test(m[0]));
}

/**
 * Checks for a label prompt: the descriptor stands next to a mention of the actor in that article (a modifier right
 * before it, or an apposition after a comma), holds no other name, and is not inside someone's quoted or reported
 * words (those are the speaker's words, not the article's).
 */
function descriptorHolds(c: Comparison, cell: NamingCell, d: NamingDescriptor, actorName: string): boolean {
  if (classFromName(d)) return false;
  const fig = c.figures.find((f) => f.articleId === cell.articleId);
  const speech = fig?.attributions.trace ?? [];
  const mentions = cell.mentions.trace;
  const nameWords = new Set((actorName.match(/\p{Lu}[\p{L}.'’-]*/gu) ?? []).map((w) => w.toLowerCase()));
  // Another person's name inside the descriptor ("billionaire George Soros") means it describes someone else.
  for (const m of d.text.matchAll(/(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}+)/gu))
    if (!nameWords.has(m[1]!.toLowerCase()) && !nameWords.has(m[2]!.toLowerCase())) return false;
  // A descriptor that starts like a clause or a count ("which states", "two senior officials") or with a capital (a
  // piece of a title or name: "Secretary of State") is not a word the article chose for the actor.
  if (
    !/^\p{Ll}/u.test(d.text) ||
    /^(?:which|who|that|whose|where|when|one|two|three|four|five|several|many|some|\d)/i.test(d.text)
  )
    return false;
  return d.trace.some(
    (t) =>
      !speech.some((s) => s.articleId === t.articleId && s.span.start <= t.span.start && t.span.end <= s.span.end) &&
      // Right before the name ("presumptive nominee Clinton") or after it with a comma between ("Clinton, the nominee");
      // a word right after the name is a noun the name modifies ("the Bush administration").
      mentions.some(
        (m) => m.articleId === t.articleId && (m.span.start - t.span.end === 1 || t.span.start - m.span.end === 2),
      ),
  );
}

function labelCandidates(c: Comparison, label: (id: number) => string): Candidate[] {
  const out: Candidate[] = [];
  const names = new Map(c.actors.map((a) => [a.key, a.name]));
  // Places and states named as settings ("Afghanistan", "the United States") draw descriptors of the events around
  // them ("a military fight"): label prompts only for people, organisations and groups.
  const labelled = new Set(
    c.actors.filter((a) => a.kind === "person" || a.kind === "organisation" || a.kind === "group").map((a) => a.key),
  );
  for (const key of c.naming.actors) {
    if (!labelled.has(key)) continue;
    const cells = c.naming.cells.filter((x) => x.actorKey === key);
    for (const cls of MARKED_CLASSES) {
      const weight = LABEL_WEIGHT;
      for (const ca of cells) {
        const fa = ca.labelClasses[cls];
        if (!fa?.value) continue;
        const descA = ca.descriptors.find((d) => d.labelClass === cls);
        if (!descA || !descriptorHolds(c, ca, descA, names.get(key) ?? key)) continue;
        for (const cb of cells) {
          if (cb.articleId === ca.articleId || cb.labelClasses[cls]?.value || !cb.mentions.value) continue;
          const first = cb.descriptors[0];
          const descB = first && descriptorHolds(c, cb, first, names.get(key) ?? key) ? first : undefined;
          if (first && !descB) continue;
          // "Without such a label" only where the article describes the actor in no other words either.
          if (!descB && cb.describedOtherwise) continue;
          const actor = names.get(key) ?? key;
          const values = {
            a: label(ca.articleId),
            b: label(cb.articleId),
            actor,
            da: descA.text,
            classA: labelOf(codebook.labelClasses, descA.labelClass).toLowerCase(),
            nb: cb.mentions.value,
          };
          const template: PromptTemplateId = descB ? "label-vs-other" : "label-vs-none";
          out.push({
            id: "",
            template,
            family: "label",
            score: weight + (ca.articleId === c.focalId ? 0.02 : 0),
            articles: [ca.articleId, cb.articleId],
            text: fill(
              template,
              descB
                ? { ...values, db: descB.text, classB: labelOf(codebook.labelClasses, descB.labelClass).toLowerCase() }
                : values,
            ),
            evidence: uniqueTrace([...descA.trace, ...(descB ? descB.trace : cb.mentions.trace)]),
          });
        }
      }
    }
  }
  return out;
}

function voiceGroupOf(s: ArticleFigures["sources"][number]): string {
  const kind = labelOf(codebook.sourceKinds, s.kind).toLowerCase();
  return s.affiliation ? `${s.affiliation} ${kind} sources` : `${kind} sources`;
}

function voiceGroups(f: ArticleFigures): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const s of f.sources) {
    if (!s.wordsQuoted.value) continue;
    const g = voiceGroupOf(s);
    const e = out.get(g) ?? { value: 0, trace: [] };
    e.value += s.wordsQuoted.value;
    e.trace.push(...s.wordsQuoted.trace);
    out.set(g, e);
  }
  return out;
}

/** Share of quoted words whose sources are of kind "other" or "unnamed", above which no voice-share prompt is made. */
const MAX_UNKNOWN_VOICE = 0.25;

function unknownShare(f: ArticleFigures): number {
  let all = 0;
  let unknown = 0;
  for (const s of f.sources) {
    all += s.wordsQuoted.value;
    if (s.kind === "other" || s.kind === "unnamed") unknown += s.wordsQuoted.value;
  }
  return all ? unknown / all : 0;
}

const mediaKind = labelOf(codebook.sourceKinds, "media").toLowerCase();

/** A source of kind media with quoted words that is not known as an organisation (an outlet): a person, or unknown. */
function mediaPerson(c: Comparison, s: ArticleFigures["sources"][number]): boolean {
  if (s.kind !== "media" || !s.wordsQuoted.value) return false;
  const name = s.name.trim().toLowerCase();
  const actor = c.actors.find((x) => x.name.toLowerCase() === name || x.variants.some((v) => v.toLowerCase() === name));
  return actor?.kind !== "organisation" && actor?.kind !== "group";
}

/** The voice-share candidates of a comparison, before selection (exported for its tests). */
export function voiceCandidates(c: Comparison, label: (id: number) => string): Candidate[] {
  const out: Candidate[] = [];
  const groups = new Map(c.figures.map((f) => [f.articleId, voiceGroups(f)]));
  const total = (m: Map<string, Figure>) => [...m.values()].reduce((n, f) => n + f.value, 0);
  for (const [a, b] of pairs(c)) {
    const ga = groups.get(a.articleId)!;
    const gb = groups.get(b.articleId)!;
    const ta = total(ga);
    const tb = total(gb);
    if (ta < 20 || tb < 20) continue;
    // Check: one person is not counted under different kinds in the two articles (a speaker quoted in both, kinded
    // "politician" in one and "other" in the other, would make "0% from politician sources" false).
    const kindsOf = new Map<string, Set<string>>();
    for (const f of [a, b])
      for (const s of f.sources) {
        // Any speaker of both articles, quoted or not: one typed differently makes a share of either kind uncertain.
        const n = s.attributions.value || s.wordsQuoted.value ? surname(s.name) : null;
        if (n) kindsOf.set(n, (kindsOf.get(n) ?? new Set()).add(voiceGroupOf(s)));
      }
    if ([...kindsOf.values()].some((k) => k.size > 1)) continue;
    // Check: most quoted words in both articles come from sources of a known kind ("other" and "unnamed" say nothing
    // about who speaks, so a share of any kind is uncertain where they weigh much).
    if (unknownShare(a) > MAX_UNKNOWN_VOICE || unknownShare(b) > MAX_UNKNOWN_VOICE) continue;
    for (const [g, fa] of ga) {
      const fb = gb.get(g);
      if (/\b(?:other|unnamed) sources$/.test(g)) continue;
      // Check: media voices are outlets. A person typed media by trade ("a documentary film producer and editor")
      // may be quoted as a neighbour or witness, so "media sources" would say whose account it is wrongly.
      if (g.endsWith(`${mediaKind} sources`) && [a, b].some((f) => f.sources.some((s) => mediaPerson(c, s)))) continue;
      // Check: "politician sources" (no affiliation) reads as all of that kind; where some sources of that kind in
      // either article have an affiliation, it is only part of them, so the share would be false as read.
      if ([...ga.keys(), ...gb.keys()].some((k) => k !== g && k.endsWith(` ${g}`))) continue;
      // And the converse: "United States expert sources" where either article quotes experts with no affiliation
      // given ("the former director of national intelligence"), who may be of it untold: its share there may be false.
      if ([...ga.keys(), ...gb.keys()].some((k) => k !== g && g.endsWith(` ${k}`))) continue;
      const sa = fa.value / ta;
      const sb = (fb?.value ?? 0) / tb;
      if (sa - sb < 0.25) continue;
      out.push({
        id: "",
        template: "voice-share",
        family: "voice",
        score: Math.min(0.9, 0.2 + (sa - sb)),
        articles: [a.articleId, b.articleId],
        text: fill("voice-share", {
          a: label(a.articleId),
          b: label(b.articleId),
          group: g,
          pa: pct(fa.value, ta),
          pb: pct(fb?.value ?? 0, tb),
        }),
        // With no quoted words from that group, the other article's quoted words are what its 0% is a share of.
        evidence: uniqueTrace([...fa.trace, ...(fb?.trace ?? [...gb.values()].flatMap((f) => f.trace))]),
      });
    }
  }
  return out;
}

/** A claim an attribution introduces as a proposition: a "that"/"whether" clause or a quotation. */
const CLAUSE_CONTENT = /^["“‘']?(?:that|whether|if)\b|^["“‘]/i;

/**
 * Check for a cue count: every cue counted is a reporting word that introduces a claim ("warned that …", "claimed
 * “…”"), not a thing or a name ("praised his decision", "threatening interstate communications", a charge), nor an
 * adverb inside the clause it qualifies ("the plan reportedly calls for …", "the president reportedly told …"):
 * that is a hedge, counted as one, and no reporting word; else the count may be false.
 */
function cueCountHolds(c: Comparison, f: ArticleFigures, stance: CueStance): boolean {
  return f.cueStances[stance].trace.every((t) => {
    const cells = c.claimGroups.flatMap((g) =>
      g.cells.filter(
        (x) =>
          x.articleId === t.articleId &&
          x.attributionTrace.some((a) => a.span.start === t.span.start && a.span.end === t.span.end),
      ),
    );
    const inside = (x: ClaimCell) => x.trace.some((r) => within(t, r));
    return cells.length > 0 && cells.every((x) => CLAUSE_CONTENT.test(x.text.trim()) && !inside(x));
  });
}

function cueCandidates(c: Comparison, label: (id: number) => string): Candidate[] {
  const out: Candidate[] = [];
  // No denial count: the cue lexicon also counts negated and refusing forms ("did not dispute", "neither confirm nor
  // deny", "declined"), so a count of denials could be false.
  const stances: CueStance[] = ["distancing", "endorsing", "accusation"];
  for (const stance of stances) {
    const def = codebook.cueStances.find((s) => s.id === stance)?.definition ?? "";
    const examples = (/\(([^)]*)\)/.exec(def)?.[1] ?? "")
      .split(/,\s*/)
      .slice(0, 2)
      .map((w) => `“${w}”`)
      .join(" or ");
    for (const [a, b] of pairs(c)) {
      const na = a.cueStances[stance].value;
      const nb = b.cueStances[stance].value;
      if (na < 2 || na < 2 * nb + 1) continue;
      if (!cueCountHolds(c, a, stance) || !cueCountHolds(c, b, stance)) continue;
      out.push({
        id: "",
        template: "cue-stance",
        family: "cue",
        score: Math.min(0.75, 0.3 + 0.1 * (na - nb)),
        articles: [a.articleId, b.articleId],
        text: fill("cue-stance", {
          a: label(a.articleId),
          b: label(b.articleId),
          na,
          nb,
          stance: labelOf(codebook.cueStances, stance).toLowerCase(),
          examples,
        }),
        evidence: uniqueTrace([...a.cueStances[stance].trace, ...b.cueStances[stance].trace]),
      });
    }
  }
  return out;
}

/** Frame words the most frequent frame of an article must rest on before a prompt names it. */
const MIN_FRAME_WORDS = 3;

function frameCandidates(c: Comparison, label: (id: number) => string): Candidate[] {
  const out: Candidate[] = [];
  // Check: the frame named is the article's most frequent one alone (a tie is broken by nothing in the text) and
  // rests on at least MIN_FRAME_WORDS frame words (one or two words make a share of 50% or 100% by chance).
  const top = (f: ArticleFigures) => {
    const [first, second] = Object.entries(f.frameProfile).sort(
      (x, y) => y[1].value - x[1].value || x[0].localeCompare(y[0]),
    );
    if (!first || !first[1].value || first[1].trace.length < MIN_FRAME_WORDS) return undefined;
    return second && second[1].value === first[1].value ? undefined : first;
  };
  for (const [a, b] of pairs(c)) {
    if (a.articleId > b.articleId && a.articleId !== c.focalId) continue;
    const ta = top(a);
    const tb = top(b);
    if (!ta || !tb || ta[0] === tb[0]) continue;
    out.push({
      id: "",
      template: "frame-top",
      family: "frame",
      score:
        0.3 + Math.min(0.3, Math.abs(ta[1].value - (b.frameProfile[ta[0] as keyof typeof b.frameProfile]?.value ?? 0))),
      articles: [a.articleId, b.articleId],
      text: fill("frame-top", {
        a: label(a.articleId),
        b: label(b.articleId),
        fa: labelOf(codebook.frameDimensions, ta[0]).toLowerCase(),
        fb: labelOf(codebook.frameDimensions, tb[0]).toLowerCase(),
        pa: Math.round(ta[1].value * 100),
        pb: Math.round(tb[1].value * 100),
      }),
      evidence: uniqueTrace([...ta[1].trace, ...tb[1].trace]),
    });
  }
  return out;
}

function overviewCandidates(c: Comparison, label: (id: number) => string): Candidate[] {
  // The summaries count named and unnamed sources: the same check as unnamed-share.
  return pairs(c)
    .filter(([a, b]) => a.articleId === c.focalId && unnamedCountHolds(a) && unnamedCountHolds(b))
    .map(([a, b]) => ({
      id: "",
      template: "sourcing-overview" as const,
      family: `overview-${b.articleId}`,
      score: 0.05,
      articles: [a.articleId, b.articleId],
      text: fill("sourcing-overview", { a: label(a.articleId), b: label(b.articleId), sa: a.summary, sb: b.summary }),
      evidence: uniqueTrace([...a.attributions.trace, ...b.attributions.trace]),
    }));
}

/**
 * Three to six questions from the largest differences, each citing its spans; fewer only when the comparison
 * has fewer than two articles or its articles carry no measurable text. `labels`: article id → how to name it.
 */
export function discussionPrompts(comparison: Comparison, labels: Map<number, string>): DiscussionPrompt[] {
  if (comparison.figures.length < 2) return [];
  const label = (id: number) => labels.get(id) ?? `Article ${id}`;
  const all = [
    ...claimCandidates(comparison, label),
    ...unnamedCandidates(comparison, label),
    ...densityCandidates(comparison, label),
    ...labelCandidates(comparison, label),
    ...voiceCandidates(comparison, label),
    ...cueCandidates(comparison, label),
    ...frameCandidates(comparison, label),
    ...overviewCandidates(comparison, label),
  ].filter((x) => x.evidence.length > 0);
  // Ties break on ids, never on the labels' text, so blind and named prompts pick the same differences.
  all.sort(
    (x, y) =>
      y.score - x.score ||
      x.template.localeCompare(y.template) ||
      x.articles.join(",").localeCompare(y.articles.join(",")),
  );
  // Variety first: one prompt per family, then the rest by size if still under three.
  const picked: Candidate[] = [];
  const perFamily = new Map<string, number>();
  for (const cand of all) {
    if (picked.length >= MAX_PROMPTS) break;
    const n = perFamily.get(cand.family) ?? 0;
    if (n >= 1 || (cand.score < 0.3 && picked.length >= MIN_PROMPTS)) continue;
    if (picked.some((p) => p.text === cand.text)) continue;
    picked.push(cand);
    perFamily.set(cand.family, n + 1);
  }
  for (const cand of all) {
    if (picked.length >= MIN_PROMPTS) break;
    if (!picked.includes(cand) && !picked.some((p) => p.text === cand.text)) picked.push(cand);
  }
  return picked.map(({ score: _s, family: _f, ...p }, i) => ({ ...p, id: `p${i + 1}` }));
}
