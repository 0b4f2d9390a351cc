// Agreement between coders, and between each coder and the machine: percent agreement and Krippendorff's
// alpha (nominal), per layer. Pure. A coder's value for a unit is their last correction of it, or the machine's
// value when they left it alone (accepting the machine's output is a coding decision too).
import type { ArticleAnalysis } from "#app/analysis/index";
import { resolveTarget, type Correction, type CorrectionLayer, type CorrectionTarget } from "./corrections";

/** What agreement is measured on: one value per unit in each of these groups. */
export const AGREEMENT_GROUPS = [
  { id: "source.kind", layer: "source", label: "source kinds" },
  { id: "source.affiliation", layer: "source", label: "source affiliations" },
  { id: "source.name", layer: "source", label: "source names" },
  { id: "attribution.status", layer: "attribution", label: "attributions" },
  { id: "claim.stance", layer: "claim", label: "claim stances" },
  { id: "marker.status", layer: "marker", label: "markers" },
  { id: "descriptor.label_class", layer: "descriptor", label: "descriptor label classes" },
] as const satisfies readonly { id: string; layer: CorrectionLayer; label: string }[];
export type AgreementGroup = (typeof AGREEMENT_GROUPS)[number]["id"];

const ABSENT = "absent";
const NONE = "(none)";

export interface CodingUnit {
  articleId: number;
  group: AgreementGroup;
  /** The unit within its article: `source:s1`, `attr:a3`, `attr+body:10-40` (an item only a person added), … */
  itemKey: string;
  target: CorrectionTarget;
  /** The words of the unit, for people to read. */
  words: string;
  machineValue: string;
}

function str(v: unknown): string {
  if (v === null || v === undefined || v === "") return NONE;
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** Every unit the machine coded in one article, with its value. */
export function machineUnits(articleId: number, text: string, title: string | null, an: ArticleAnalysis): CodingUnit[] {
  const out: CodingUnit[] = [];
  const w = (s: CorrectionTarget) => ((s.field === "title" ? title : text) ?? "").slice(s.start, s.end);
  for (const s of an.sources) {
    const t = s.mentions[0] ?? an.attributions.find((a) => a.sourceKey === s.key)?.source;
    if (!t) continue;
    const target = { start: t.start, end: t.end, field: "body" as const };
    out.push({
      articleId,
      group: "source.kind",
      itemKey: `source:${s.key}`,
      target,
      words: w(target),
      machineValue: s.kind,
    });
    out.push({
      articleId,
      group: "source.affiliation",
      itemKey: `source:${s.key}`,
      target,
      words: w(target),
      machineValue: str(s.affiliation),
    });
  }
  for (const a of an.attributions) {
    const c = a.content[0];
    if (!c) continue;
    const target = { start: c.start, end: c.end, field: "body" as const };
    out.push({
      articleId,
      group: "attribution.status",
      itemKey: `attr:${a.id}`,
      target,
      words: w(target),
      machineValue: "present",
    });
  }
  for (const c of an.claims)
    out.push({
      articleId,
      group: "claim.stance",
      itemKey: `claim:${c.id}`,
      target: { ...c.span, field: "body" },
      words: w({ ...c.span, field: "body" }),
      machineValue: c.stance,
    });
  for (const field of ["body", "title"] as const) {
    const markers = field === "title" ? (an.title?.markers ?? []) : an.markers;
    for (const m of markers)
      out.push({
        articleId,
        group: "marker.status",
        itemKey: `marker:${field}:${m.span.start}-${m.span.end}`,
        target: { ...m.span, field },
        words: w({ ...m.span, field }),
        machineValue: m.type,
      });
    const descriptors = field === "title" ? (an.title?.descriptors ?? []) : an.descriptors;
    for (const d of descriptors)
      out.push({
        articleId,
        group: "descriptor.label_class",
        itemKey: `desc:${field}:${d.span.start}-${d.span.end}`,
        target: { ...d.span, field },
        words: w({ ...d.span, field }),
        machineValue: d.labelClass,
      });
  }
  return out;
}

function groupOf(c: Correction): AgreementGroup | null {
  if (c.layer === "source")
    return c.field === "kind" || c.field === "affiliation" || c.field === "name"
      ? (`source.${c.field}` as AgreementGroup)
      : null;
  if (c.layer === "attribution") return "attribution.status";
  if (c.layer === "claim") return c.field === "stance" ? "claim.stance" : null;
  if (c.layer === "marker") return "marker.status";
  if (c.layer === "descriptor") return "descriptor.label_class";
  return null;
}

/** One coder's value per unit (`group|itemKey`), from their corrections resolved on the machine's analysis. */
export function coderValues(
  an: ArticleAnalysis,
  text: string,
  title: string | null,
  corrections: Correction[],
): Map<string, { value: string; unit: CodingUnit; correctionId: number }> {
  const out = new Map<string, { value: string; unit: CodingUnit; correctionId: number }>();
  for (const c of [...corrections].sort((a, b) => a.id - b.id)) {
    const group = groupOf(c);
    if (!group) continue; // merges and splits change the units themselves; not measured here
    const hit = resolveTarget(an, c.layer, c.target, c.field);
    if (!hit) continue;
    const field = c.target.field ?? "body";
    let value: string;
    if (c.field === "status") value = ABSENT;
    else if (c.layer === "attribution" && c.field === "add") value = "present";
    else if (c.layer === "marker" && c.field === "add")
      value = str(typeof c.value === "object" && c.value ? (c.value as { type?: unknown }).type : c.value);
    else value = str(c.value);
    const machineValue =
      group === "marker.status"
        ? str(resolveTarget(an, "marker", c.target, "add")!.value)
        : group === "attribution.status"
          ? hit.value === "present"
            ? "present"
            : ABSENT
          : str(hit.value);
    const target = { start: hit.span.start, end: hit.span.end, field };
    const words = ((field === "title" ? title : text) ?? "").slice(target.start, target.end);
    out.set(`${group}|${hit.itemKey}`, {
      value,
      correctionId: c.id,
      unit: { articleId: c.articleId, group, itemKey: hit.itemKey, target, words, machineValue },
    });
  }
  return out;
}

/** Percent agreement over units with at least two values: agreeing pairs of values over all pairs. */
export function percentAgreement(units: (string | null)[][]): number | null {
  let pairs = 0;
  let agree = 0;
  for (const u of units) {
    const v = u.filter((x): x is string => x !== null);
    for (let i = 0; i < v.length; i++)
      for (let j = i + 1; j < v.length; j++) {
        pairs++;
        if (v[i] === v[j]) agree++;
      }
  }
  return pairs ? agree / pairs : null;
}

/**
 * Krippendorff's alpha for nominal data: 1 − Do/De from the coincidence matrix of pairable values (units with
 * at least two values; null is a missing value). Null when it is not defined: no pairable values, or every
 * value the same (no variation to agree on): a number on screen must be true.
 */
export function krippendorffAlphaNominal(units: (string | null)[][]): number | null {
  const o = new Map<string, number>(); // "c|k" → coincidences
  for (const u of units) {
    const v = u.filter((x): x is string => x !== null);
    const m = v.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const k = `${v[i]}|${v[j]}`;
        o.set(k, (o.get(k) ?? 0) + 1 / (m - 1));
      }
  }
  const nc = new Map<string, number>();
  let n = 0;
  let disagree = 0;
  for (const [k, x] of o) {
    const [c, d] = k.split("|") as [string, string];
    nc.set(c, (nc.get(c) ?? 0) + x);
    n += x;
    if (c !== d) disagree += x;
  }
  if (n <= 1) return null;
  let expected = 0;
  const counts = [...nc.values()];
  for (let i = 0; i < counts.length; i++)
    for (let j = 0; j < counts.length; j++) if (i !== j) expected += counts[i]! * counts[j]!;
  if (expected === 0) return null;
  return 1 - ((n - 1) * disagree) / expected;
}

export interface Difference {
  unit: CodingUnit;
  values: Record<string, string>;
  /** Each coder's correction behind their value (null: they left the machine's value). */
  corrections: Record<string, number | null>;
}

export interface GroupAgreement {
  group: AgreementGroup;
  label: string;
  units: number;
  /** Between the coders (null with fewer than two coders). */
  coders: { percent: number | null; alpha: number | null } | null;
  /** Each coder against the machine. */
  vsMachine: Record<string, { percent: number | null; alpha: number | null; changed: number }>;
  /** Units the coders coded differently (or, with one coder, that the coder changed). */
  differences: Difference[];
}

export interface ArticleCoding {
  articleId: number;
  text: string;
  title: string | null;
  analysis: ArticleAnalysis;
}

/** Agreement per group between `coders` (each with their corrections) and each coder against the machine. */
export function agreement(
  articles: ArticleCoding[],
  correctionsByCoder: Record<string, Correction[]>,
): GroupAgreement[] {
  const coders = Object.keys(correctionsByCoder).sort();
  const units = new Map<string, CodingUnit>();
  const values = new Map<string, Map<string, string>>(); // coder → unit key → value
  const ids = new Map<string, Map<string, number>>();
  for (const coder of coders) ids.set(coder, new Map());
  for (const coder of coders) values.set(coder, new Map());
  for (const a of articles) {
    for (const u of machineUnits(a.articleId, a.text, a.title, a.analysis))
      units.set(`${a.articleId}|${u.group}|${u.itemKey}`, u);
    for (const coder of coders) {
      const mine = correctionsByCoder[coder]!.filter((c) => c.articleId === a.articleId);
      for (const [k, { value, unit, correctionId }] of coderValues(a.analysis, a.text, a.title, mine)) {
        const key = `${a.articleId}|${k}`;
        if (!units.has(key)) units.set(key, unit);
        values.get(coder)!.set(key, value);
        ids.get(coder)!.set(key, correctionId);
      }
    }
  }
  const out: GroupAgreement[] = [];
  for (const g of AGREEMENT_GROUPS) {
    const mine = [...units].filter(([, u]) => u.group === g.id);
    // A source name is only a unit where someone changed it (the machine's names are not a coding decision).
    const list = g.id === "source.name" ? mine.filter(([k]) => coders.some((c) => values.get(c)!.has(k))) : mine;
    if (!list.length) continue;
    const valueOf = (coder: string, key: string, u: CodingUnit) => values.get(coder)!.get(key) ?? u.machineValue;
    const vsMachine: GroupAgreement["vsMachine"] = {};
    for (const coder of coders) {
      const rows = list.map(([k, u]) => [u.machineValue, valueOf(coder, k, u)]);
      vsMachine[coder] = {
        percent: percentAgreement(rows),
        alpha: krippendorffAlphaNominal(rows),
        changed: rows.filter(([m, v]) => m !== v).length,
      };
    }
    const codersRows = list.map(([k, u]) => coders.map((c) => valueOf(c, k, u)));
    const differences: Difference[] = [];
    for (const [k, u] of list) {
      const vals = Object.fromEntries(coders.map((c) => [c, valueOf(c, k, u)]));
      const distinct = new Set(Object.values(vals));
      if (coders.length > 1 ? distinct.size > 1 : [...distinct][0] !== u.machineValue)
        differences.push({
          unit: u,
          values: vals,
          corrections: Object.fromEntries(coders.map((c) => [c, ids.get(c)!.get(k) ?? null])),
        });
    }
    out.push({
      group: g.id,
      label: g.label,
      units: list.length,
      coders:
        coders.length > 1
          ? { percent: percentAgreement(codersRows), alpha: krippendorffAlphaNominal(codersRows) }
          : null,
      vsMachine,
      differences,
    });
  }
  return out;
}
