// People correct the machine: corrections applied on top of one article's machine analysis. Pure, no I/O.
// A correction names its target by span (the words of the item), never by an id of the analysis, so it can be
// re-anchored on a new analysis after an analyser upgrade; one whose target is gone is listed for review.
// The result has the analysis' own shape, so every chart, table and export reads it unchanged, plus the
// provenance of each changed value: the machine's value beside the final one, and the correction's id.
import codebook from "#app/analysis/codebook.json";
import type { ArticleAnalysis, AttributionItem } from "#app/analysis/index";
import { markerDensities, voiceAt, type MarkerItem } from "#app/analysis/markers";
import type { Descriptor, LabelClass } from "#app/analysis/naming";
import { countWords } from "#app/analysis/nlp";
import type {
  AttributionKind,
  ClaimStance,
  CueStance,
  MarkerType,
  SourceEntity,
  SourceKind,
  Span,
} from "#app/analysis/types";
import { focalLacksClaim, type ClaimCell, type ClaimGroupRow, type Comparison } from "./compare";

export const CORRECTION_LAYERS = ["source", "attribution", "claim", "marker", "descriptor"] as const;
export type CorrectionLayer = (typeof CORRECTION_LAYERS)[number];

/** The fields a person can change, per layer (see `validateCorrection` for their values). */
export const CORRECTION_FIELDS: Record<CorrectionLayer, readonly string[]> = {
  source: ["kind", "affiliation", "name", "merge", "split"],
  attribution: ["status", "add"],
  claim: ["stance", "group"],
  marker: ["status", "add"],
  descriptor: ["label_class"],
};

/** The rule id that items added by a person carry, so every count still traces to what made it. */
export const CORRECTION_RULE = "correction.person";

export interface CorrectionTarget extends Span {
  field?: "body" | "title";
}

export interface Correction {
  id: number;
  articleId: number;
  coder: string;
  layer: CorrectionLayer;
  target: CorrectionTarget;
  field: string;
  /** The machine's value when the correction was made (null for an added item). */
  machineValue: unknown;
  value: unknown;
  note: string;
  analyserVersion: string;
}

/** One value a correction set, with the machine's value (on the analysis it was applied to) beside it. */
export interface AppliedCorrection {
  correctionId: number;
  coder: string;
  layer: CorrectionLayer;
  field: string;
  /** Where the target stands in this analysis (moved when re-anchored by overlap). */
  target: CorrectionTarget;
  /** The unit the value belongs to (`source:<key>`, `attr:<id>`, `claim:<id>`, `marker:body:10-20`, …). */
  itemKey: string;
  machineValue: unknown;
  finalValue: unknown;
  /** False when the machine's value already equals the person's (after an upgrade, say). */
  corrected: boolean;
}

export interface ReviewItem {
  correctionId: number;
  reason: string;
}

export interface CorrectedAnalysis {
  analysis: ArticleAnalysis;
  applied: AppliedCorrection[];
  /** Corrections that no longer fit this analysis: listed, never dropped silently. */
  review: ReviewItem[];
}

const SOURCE_KINDS = codebook.sourceKinds.map((k) => k.id);
const CLAIM_STANCES = codebook.claimStances.map((k) => k.id);
const LABEL_CLASSES = codebook.labelClasses.map((k) => k.id);
const MARKER_TYPES = codebook.markerTypes.map((k) => k.id);
const CUE_STANCES = codebook.cueStances.map((k) => k.id);
const ATTRIBUTION_KINDS = ["direct", "mixed", "indirect", "according_to", "unnamed"];
const MIN_OVERLAP = 0.8;

export interface AddAttributionValue {
  source: Span | null;
  cue: Span | null;
  sourceKind?: SourceKind;
  kind?: AttributionKind;
  cueStance?: CueStance;
}

function isSpan(x: unknown): x is Span {
  if (!x || typeof x !== "object") return false;
  const s = x as Record<string, unknown>;
  return (
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    (s.start as number) >= 0 &&
    (s.end as number) > (s.start as number)
  );
}

function spanIn(s: Span, length: number): boolean {
  return s.start >= 0 && s.end <= length && s.end > s.start;
}

/** A clear message for a correction whose field or value cannot be applied, or null when it can. */
export function validateCorrection(
  c: Pick<Correction, "layer" | "field" | "value" | "note" | "target">,
  textLength?: number,
): string | null {
  if (!(CORRECTION_LAYERS as readonly string[]).includes(c.layer))
    return `Unknown layer “${String(c.layer)}”: use ${CORRECTION_LAYERS.join(", ")}.`;
  const fields = CORRECTION_FIELDS[c.layer];
  if (!fields.includes(c.field))
    return `A ${c.layer} correction changes one of ${fields.join(", ")}, not “${String(c.field)}”.`;
  if (!isSpan(c.target)) return "The target needs a start and an end (character offsets, end after start).";
  if (textLength !== undefined && c.target.end > textLength)
    return `The target ${c.target.start}-${c.target.end} lies beyond the end of the text (${textLength} characters).`;
  if (typeof c.note !== "string" || !c.note.trim()) return "Every correction needs a note saying why.";
  const v = c.value;
  const oneOf = (list: string[], what: string) =>
    typeof v === "string" && list.includes(v) ? null : `${what} must be one of ${list.join(", ")}.`;
  const key = `${c.layer}.${c.field}`;
  switch (key) {
    case "source.kind":
      return oneOf(SOURCE_KINDS, "A source kind");
    case "source.affiliation":
      return v === null || (typeof v === "string" && v.length <= 200)
        ? null
        : "An affiliation is a short text, or null for none.";
    case "source.name":
      return typeof v === "string" && v.trim() && v.length <= 200 ? null : "A name is a short, non-empty text.";
    case "source.merge":
      return isSpan(v) ? null : "A merge names the other source by the span of one of its mentions: {start, end}.";
    case "source.split":
      return v === null || (typeof v === "string" && v.length <= 200) || (typeof v === "object" && v !== null)
        ? null
        : "A split takes an optional name for the new source.";
    case "attribution.status":
    case "marker.status":
      return v === "rejected" ? null : "The status a person can set is “rejected”.";
    case "attribution.add": {
      if (!v || typeof v !== "object") return "An added attribution needs {source, cue} spans (either may be null).";
      const a = v as Record<string, unknown>;
      if (a.source != null && !isSpan(a.source)) return "The added attribution's source must be a span or null.";
      if (a.cue != null && !isSpan(a.cue)) return "The added attribution's cue must be a span or null.";
      if (textLength !== undefined)
        for (const s of [a.source, a.cue])
          if (isSpan(s) && !spanIn(s, textLength))
            return "A span of the added attribution lies beyond the end of the text.";
      if (a.sourceKind !== undefined && !SOURCE_KINDS.includes(a.sourceKind as string))
        return `A source kind must be one of ${SOURCE_KINDS.join(", ")}.`;
      if (a.kind !== undefined && !ATTRIBUTION_KINDS.includes(a.kind as string))
        return `An attribution kind must be one of ${ATTRIBUTION_KINDS.join(", ")}.`;
      if (a.cueStance !== undefined && !CUE_STANCES.includes(a.cueStance as string))
        return `A cue stance must be one of ${CUE_STANCES.join(", ")}.`;
      return null;
    }
    case "claim.stance":
      return oneOf(CLAIM_STANCES, "A claim stance");
    case "claim.group": {
      if (v === null) return null;
      const g = v as Record<string, unknown>;
      return v && typeof v === "object" && Number.isInteger(g.articleId) && (g.articleId as number) > 0 && isSpan(v)
        ? null
        : "A claim moves into the group of another claim, named by {articleId, start, end}, or out of its group with null.";
    }
    case "marker.add": {
      const t = v && typeof v === "object" ? (v as Record<string, unknown>).type : v;
      return typeof t === "string" && MARKER_TYPES.includes(t)
        ? null
        : `An added marker needs a type: ${MARKER_TYPES.join(", ")}.`;
    }
    case "descriptor.label_class":
      return oneOf(LABEL_CLASSES, "A label class");
  }
  return `Cannot apply ${key}.`;
}

function overlap(a: Span, b: Span): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/** The best of `items` for `target`: an exact span first, else the largest overlap of at least 0.8. */
function best<T>(items: T[], spansOf: (x: T) => Span[], target: Span): { item: T; span: Span } | null {
  let found: { item: T; span: Span; score: number } | null = null;
  for (const item of items) {
    for (const s of spansOf(item)) {
      const score = s.start === target.start && s.end === target.end ? 2 : overlap(s, target);
      if (score >= MIN_OVERLAP && (!found || score > found.score)) found = { item, span: s, score };
    }
  }
  return found ? { item: found.item, span: found.span } : null;
}

function sourceSpans(an: ArticleAnalysis, s: SourceEntity): Span[] {
  const out = [...s.mentions];
  for (const a of an.attributions) if (a.sourceKey === s.key && a.source) out.push(a.source);
  return out;
}

export function findSource(an: ArticleAnalysis, target: Span): { item: SourceEntity; span: Span } | null {
  return best(an.sources, (s) => sourceSpans(an, s), target);
}

export function findClaim(an: ArticleAnalysis, target: Span): ArticleAnalysis["claims"][number] | null {
  return best(an.claims, (c) => [c.span, ...(c.spans ?? [])], target)?.item ?? null;
}

export function findAttribution(an: ArticleAnalysis, target: Span): { item: AttributionItem; span: Span } | null {
  return best(an.attributions, (a) => a.content, target);
}

function markersOf(an: ArticleAnalysis, field: "body" | "title"): MarkerItem[] {
  return field === "title" ? (an.title?.markers ?? []) : an.markers;
}

function descriptorsOf(an: ArticleAnalysis, field: "body" | "title"): Descriptor[] {
  return field === "title" ? (an.title?.descriptors ?? []) : an.descriptors;
}

const spanKey = (field: string, s: Span) => `${field}:${s.start}-${s.end}`;

/** The unit a target names in this analysis and its machine value for `field`, or null when nothing fits. */
export function resolveTarget(
  an: ArticleAnalysis,
  layer: CorrectionLayer,
  target: CorrectionTarget,
  field: string,
): { itemKey: string; span: Span; value: unknown } | null {
  const f = target.field ?? "body";
  switch (layer) {
    case "source": {
      if (f !== "body") return null;
      const hit = findSource(an, target);
      if (!hit) return null;
      const s = hit.item;
      const value =
        field === "kind" ? s.kind : field === "affiliation" ? s.affiliation : field === "name" ? s.name : null;
      return { itemKey: `source:${s.key}`, span: hit.span, value };
    }
    case "attribution": {
      if (f !== "body") return null;
      const hit = findAttribution(an, target);
      if (field === "add")
        return hit
          ? { itemKey: `attr:${hit.item.id}`, span: hit.span, value: "present" }
          : { itemKey: `attr+${spanKey(f, target)}`, span: target, value: "absent" };
      return hit ? { itemKey: `attr:${hit.item.id}`, span: hit.span, value: "present" } : null;
    }
    case "claim": {
      if (f !== "body") return null;
      const hit = best(an.claims, (c) => [c.span, ...(c.spans ?? [])], target);
      return hit
        ? { itemKey: `claim:${hit.item.id}`, span: hit.item.span, value: field === "group" ? null : hit.item.stance }
        : null;
    }
    case "marker": {
      const hit = best(markersOf(an, f), (m) => [m.span], target);
      if (field === "add")
        return hit
          ? { itemKey: `marker:${spanKey(f, hit.span)}`, span: hit.span, value: hit.item.type }
          : { itemKey: `marker:${spanKey(f, target)}`, span: target, value: "absent" };
      return hit ? { itemKey: `marker:${spanKey(f, hit.span)}`, span: hit.span, value: "present" } : null;
    }
    case "descriptor": {
      const hit = best(descriptorsOf(an, f), (d) => [d.span], target);
      return hit ? { itemKey: `desc:${spanKey(f, hit.span)}`, span: hit.span, value: hit.item.labelClass } : null;
    }
  }
}

function quotedWords(text: string, kind: AttributionKind, content: Span[]): number {
  let n = 0;
  let all = 0;
  for (const p of content) {
    const s = text.slice(Math.max(0, p.start - 1), Math.min(text.length, p.end + 1));
    all += countWords(text.slice(p.start, p.end));
    const re = /[“"«‘]([^”"»’]*)[”"»’]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) n += countWords(m[1]!);
  }
  return kind === "direct" ? all : Math.min(n, all);
}

function recountSource(an: ArticleAnalysis, s: SourceEntity): void {
  const mine = an.attributions.filter((a) => a.sourceKey === s.key);
  s.attributionIds = mine.map((a) => a.id);
  s.wordsQuoted = mine.reduce((n, a) => n + a.quotedWords, 0);
}

/** Lead and headline figures hold marker and descriptor indices: rebuild them after markers change. */
function refreshParts(an: ArticleAnalysis): void {
  // The same bases as the analysis: writer-voice markers per 1,000 writer words, quoted speech apart.
  an.densities = markerDensities(an.markers, an.voiceWords?.writer ?? an.wordCount, "writer");
  if (an.voiceWords) an.quotedDensities = markerDensities(an.markers, an.voiceWords.quoted, "quoted");
  const lead = an.lead;
  const inLead = (s: Span) => !!lead.span && s.start >= lead.span.start && s.end <= lead.span.end;
  const recount = (
    part: typeof lead,
    markers: MarkerItem[],
    descriptors: Descriptor[],
    inPart: (s: Span) => boolean,
  ) => {
    part.markerIdx = [];
    part.markerCounts = { hedge: 0, booster: 0, scare_quote: 0, loaded: 0 };
    markers.forEach((m, i) => {
      if (!inPart(m.span)) return;
      part.markerIdx.push(i);
      if ((m.voice ?? "writer") === "writer") part.markerCounts[m.type]++;
    });
    part.densities = markerDensities(
      part.markerIdx.map((i) => markers[i]!),
      part.writerWordCount ?? part.wordCount,
      "writer",
    );
    part.descriptorIdx = [];
    part.labelClassCounts = {};
    descriptors.forEach((d, i) => {
      if (!inPart(d.span)) return;
      part.descriptorIdx.push(i);
      part.labelClassCounts[d.labelClass] = (part.labelClassCounts[d.labelClass] ?? 0) + 1;
    });
  };
  recount(lead, an.markers, an.descriptors, inLead);
  if (an.title) recount(an.title.figures, an.title.markers, an.title.descriptors, () => true);
}

/**
 * Applies corrections (in id order: a later one on the same item and field wins) to a copy of `analysis`.
 * `text` and `title` are the article's clean text and title, which spans index.
 */
export function applyCorrections(
  text: string,
  title: string | null,
  analysis: ArticleAnalysis,
  corrections: Correction[],
): CorrectedAnalysis {
  const an = structuredClone(analysis);
  const applied: AppliedCorrection[] = [];
  const review: ReviewItem[] = [];
  let markersChanged = false;
  const sorted = [...corrections].sort((a, b) => a.id - b.id);
  for (const c of sorted) {
    const f = c.target.field ?? "body";
    const fieldText = f === "title" ? (title ?? "") : text;
    const invalid = validateCorrection(c, fieldText.length);
    if (invalid) {
      review.push({ correctionId: c.id, reason: invalid });
      continue;
    }
    const hit = resolveTarget(an, c.layer, c.target, c.field);
    if (!hit) {
      review.push({
        correctionId: c.id,
        reason: `The analysis no longer has a ${c.layer} at ${c.target.start}-${c.target.end} (“${fieldText.slice(c.target.start, c.target.end).slice(0, 60)}”).`,
      });
      continue;
    }
    const record = (
      finalValue: unknown,
      machineValue: unknown = hit.value,
      itemKey = hit.itemKey,
      span: Span = hit.span,
    ) => {
      const prior = applied.find((x) => x.itemKey === itemKey && x.field === c.field);
      const machine = prior ? prior.machineValue : machineValue;
      applied.push({
        correctionId: c.id,
        coder: c.coder,
        layer: c.layer,
        field: c.field,
        target: { start: span.start, end: span.end, field: f },
        itemKey,
        machineValue: machine,
        finalValue,
        corrected: JSON.stringify(machine) !== JSON.stringify(finalValue),
      });
    };
    const key = `${c.layer}.${c.field}`;
    if (c.layer === "source") {
      const src = an.sources.find((s) => `source:${s.key}` === hit.itemKey)!;
      if (key === "source.kind") {
        src.kind = c.value as SourceKind;
        for (const a of an.attributions) if (a.sourceKey === src.key) a.sourceKind = src.kind;
        record(src.kind);
      } else if (key === "source.affiliation") {
        src.affiliation = (c.value as string | null) || null;
        for (const a of an.attributions) if (a.sourceKey === src.key) a.affiliation = src.affiliation;
        record(src.affiliation);
      } else if (key === "source.name") {
        src.name = (c.value as string).trim();
        record(src.name);
      } else if (key === "source.merge") {
        const other = findSource(an, c.value as Span);
        if (!other) {
          review.push({
            correctionId: c.id,
            reason: `No source to merge into at ${(c.value as Span).start}-${(c.value as Span).end}.`,
          });
          continue;
        }
        const into = other.item;
        if (into.key !== src.key) {
          into.mentions = [...into.mentions, ...src.mentions].sort((a, b) => a.start - b.start);
          for (const a of an.attributions) {
            if (a.sourceKey !== src.key) continue;
            a.sourceKey = into.key;
            a.sourceKind = into.kind;
            a.affiliation = into.affiliation;
          }
          an.sources = an.sources.filter((s) => s !== src);
          recountSource(an, into);
        }
        record(into.key === src.key ? src.key : into.key, src.key);
      } else if (key === "source.split") {
        // The target mention, and the attributions whose source it is, become a source of their own.
        const m = hit.span;
        const name = typeof c.value === "string" && c.value.trim() ? c.value.trim() : text.slice(m.start, m.end);
        const fresh: SourceEntity = {
          key: `corr-${c.id}`,
          name,
          description: null,
          kind: src.kind,
          affiliation: src.affiliation,
          named: src.named,
          kindEvidence: [CORRECTION_RULE],
          mentions: [m],
          attributionIds: [],
          wordsQuoted: 0,
        };
        src.mentions = src.mentions.filter((x) => x.start !== m.start || x.end !== m.end);
        for (const a of an.attributions)
          if (a.sourceKey === src.key && a.source && overlap(a.source, m) >= MIN_OVERLAP) a.sourceKey = fresh.key;
        an.sources.push(fresh);
        recountSource(an, src);
        recountSource(an, fresh);
        record(fresh.key, src.key);
      }
    } else if (c.layer === "attribution") {
      if (key === "attribution.status") {
        const id = hit.itemKey.slice("attr:".length);
        const gone = an.attributions.find((a) => a.id === id)!;
        an.attributions = an.attributions.filter((a) => a !== gone);
        const src = gone.sourceKey ? an.sources.find((s) => s.key === gone.sourceKey) : undefined;
        if (src) recountSource(an, src);
        record("rejected");
      } else {
        if (hit.value === "present") {
          record("present"); // the machine now finds it too: nothing to add
          continue;
        }
        const v = c.value as AddAttributionValue;
        const content = [{ start: c.target.start, end: c.target.end }];
        const kind: AttributionKind =
          v.kind ?? (/^[“"«]/.test(text.slice(c.target.start, c.target.end).trim()) ? "direct" : "indirect");
        let src = v.source ? findSource(an, v.source)?.item : undefined;
        if (v.source && !src) {
          src = {
            key: `corr-${c.id}`,
            name: text.slice(v.source.start, v.source.end),
            description: null,
            kind: v.sourceKind ?? "other",
            affiliation: null,
            named: v.sourceKind !== "unnamed",
            kindEvidence: [CORRECTION_RULE],
            mentions: [v.source],
            attributionIds: [],
            wordsQuoted: 0,
          };
          an.sources.push(src);
        }
        const item: AttributionItem = {
          id: `corr-${c.id}`,
          kind,
          source: v.source ?? null,
          cue: v.cue ?? null,
          content,
          sourceKey: src?.key ?? null,
          sourceKind: v.sourceKind ?? src?.kind ?? "unnamed",
          affiliation: src?.affiliation ?? null,
          cueStance: v.cueStance ?? "neutral",
          rule: CORRECTION_RULE,
          evidence: [c.note],
          words: countWords(text.slice(c.target.start, c.target.end)),
          quotedWords: quotedWords(text, kind, content),
        };
        an.attributions.push(item);
        an.attributions.sort((a, b) => (a.content[0]?.start ?? 0) - (b.content[0]?.start ?? 0));
        if (src) recountSource(an, src);
        record("present", "absent", `attr:${item.id}`);
      }
    } else if (c.layer === "claim") {
      const claim = an.claims.find((x) => `claim:${x.id}` === hit.itemKey)!;
      if (key === "claim.group") {
        record(c.value); // applied to the comparison's claim groups by `moveClaims`
        continue;
      }
      claim.stance = c.value as ClaimStance;
      record(claim.stance);
    } else if (c.layer === "marker") {
      const list = markersOf(an, f);
      if (key === "marker.status") {
        const i = list.findIndex((m) => m.span.start === hit.span.start && m.span.end === hit.span.end);
        list.splice(i, 1);
        record("rejected");
      } else {
        const type = (typeof c.value === "string" ? c.value : (c.value as { type: string }).type) as MarkerType;
        if (hit.value !== "absent") {
          record(type, hit.value);
          const m = list.find((x) => `marker:${spanKey(f, x.span)}` === hit.itemKey)!;
          m.type = type;
        } else {
          const span = { start: c.target.start, end: c.target.end };
          // A marker a person adds takes its voice from where it stands, as the machine's do (scare quotes are the writer's).
          const voice = f === "body" && type !== "scare_quote" && an.quoted ? voiceAt(an.quoted, span) : "writer";
          list.push({
            span,
            type,
            lexiconEntry: null,
            rule: CORRECTION_RULE,
            field: f,
            text: fieldText.slice(span.start, span.end),
            category: type,
            inQuote: voice === "quoted",
            voice,
          });
          list.sort((a, b) => a.span.start - b.span.start);
          record(type, "absent");
        }
      }
      markersChanged = true;
    } else if (c.layer === "descriptor") {
      const d = descriptorsOf(an, f).find((x) => `desc:${spanKey(f, x.span)}` === hit.itemKey)!;
      d.labelClass = c.value as LabelClass;
      record(d.labelClass);
      markersChanged = true;
    }
  }
  if (markersChanged) refreshParts(an);
  return { analysis: an, applied, review };
}

/** The final value per item and field: the last applied correction wins. */
export function finalValues(applied: AppliedCorrection[]): AppliedCorrection[] {
  const last = new Map<string, AppliedCorrection>();
  for (const a of applied) last.set(`${a.itemKey}|${a.field}`, a);
  return [...last.values()];
}

export interface ClaimMove {
  correctionId: number;
  articleId: number;
  claimId: string;
  /** The claim whose group to join, or null: out of its group, into one of its own. */
  into: { articleId: number; claimId: string } | null;
}

function regroup(g: ClaimGroupRow, cells: ClaimCell[], focalId: number, articleOrder: number[]): ClaimGroupRow {
  const sorted = [...cells].sort(
    (x, y) => articleOrder.indexOf(x.articleId) - articleOrder.indexOf(y.articleId) || y.centrality - x.centrality,
  );
  const arts = [...new Set(sorted.map((c) => c.articleId))];
  const stances: ClaimGroupRow["stances"] = {};
  for (const c of sorted) stances[c.stance] = (stances[c.stance] ?? 0) + 1;
  // The machine's "closest claim" notes only hold for articles still outside the group after a person's move.
  const closest = g.closest.filter((c) => !arts.includes(c.articleId));
  const focalClosest = arts.includes(focalId) ? null : g.focalClosest;
  const focalSentence = arts.includes(focalId) ? null : (g.focalSentence ?? null);
  const lacks = focalLacksClaim(arts, focalId, focalClosest, articleOrder.length, focalSentence);
  return {
    ...g,
    cells: sorted,
    articles: arts,
    onlyIn: arts.length === 1 ? arts[0]! : null,
    focalLacks: lacks,
    focalUnclear: !lacks && arts.length > 0 && !arts.includes(focalId),
    focalClosest,
    focalSentence,
    closest,
    stances,
  };
}

/**
 * People's claim-group moves on top of the comparison's alignment (in order; a later move of one claim wins).
 * A move whose claim or target group is not in the comparison is returned for review.
 */
export function moveClaims(cmp: Comparison, moves: ClaimMove[]): { comparison: Comparison; review: ReviewItem[] } {
  if (!moves.length) return { comparison: cmp, review: [] };
  const review: ReviewItem[] = [];
  let groups = cmp.claimGroups.map((g) => ({ ...g, cells: [...g.cells] }));
  const order = cmp.articles.map((a) => a.id);
  let next = groups.length + 1;
  const where = (articleId: number, claimId: string) =>
    groups.findIndex((g) => g.cells.some((c) => c.articleId === articleId && c.claimId === claimId));
  for (const m of moves) {
    const from = where(m.articleId, m.claimId);
    const to = m.into ? where(m.into.articleId, m.into.claimId) : -1;
    if (from < 0 || (m.into && to < 0)) {
      review.push({
        correctionId: m.correctionId,
        reason:
          from < 0
            ? "The claim is not in this comparison's claim matrix."
            : "The claim whose group it should join is not in this comparison's claim matrix.",
      });
      continue;
    }
    if (from === to) continue;
    const cell = groups[from]!.cells.find((c) => c.articleId === m.articleId && c.claimId === m.claimId)!;
    groups[from] = regroup(
      groups[from]!,
      groups[from]!.cells.filter((c) => c !== cell),
      cmp.focalId,
      order,
    );
    if (to >= 0) groups[to] = regroup(groups[to]!, [...groups[to]!.cells, cell], cmp.focalId, order);
    else
      groups.push(
        regroup(
          {
            id: `g${next++}`,
            label: cell.text,
            articles: [],
            cells: [],
            onlyIn: null,
            focalLacks: true,
            focalUnclear: false,
            focalClosest: null,
            closest: [],
            stances: {},
          },
          [cell],
          cmp.focalId,
          order,
        ),
      );
  }
  groups = groups.filter((g) => g.cells.length);
  return { comparison: { ...cmp, claimGroups: groups }, review };
}
