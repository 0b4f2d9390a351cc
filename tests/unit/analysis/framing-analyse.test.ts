import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyse, ANALYSER_VERSION, RULES, type ArticleAnalysis } from "#app/analysis/index";
import type { Span } from "#app/analysis/types";
import codebook from "#app/analysis/codebook.json";

const TITLE = "Tolvaria's 'resistance' tangle: the Korvath Front regime clearly stalls port talks";
const TEXT = [
  "The outlawed Korvath Front reportedly blocked the port of Saltmere on Monday, and Tolvarian Prime Minister Ilse Varga called the blockade a disgrace.",
  'Varga said the Korvath Front had "no mandate" and that talks would resume on 12 May. The Korvath Front denied the allegations.',
  'Dock workers said the blockade cost them wages. The so-called "peace council" did not meet.',
  "Is the port safe? Nobody could say. The Korvath Front has clearly lost support in the port, and its rampage was condemned.",
].join("\n");

function inText(text: string, s: Span) {
  return s.start >= 0 && s.end <= text.length && s.start < s.end;
}

describe("analyse(): the whole framing and claims analysis of one article", () => {
  const a = analyse(TEXT, { title: TITLE });

  it("is JSON-serialisable and deterministic", () => {
    const json = JSON.stringify(a);
    expect(JSON.parse(json)).toEqual(a);
    expect(JSON.stringify(analyse(TEXT, { title: TITLE }))).toBe(json);
    expect(a.version).toBe(ANALYSER_VERSION);
    expect(ANALYSER_VERSION).toMatch(/^sourcing\.\d+\+framing\.\d+\+labels@/);
  });

  it("gives body spans inside the text and title spans inside the title", () => {
    const body: Span[] = [
      ...a.mentions.map((m) => m.span),
      ...a.descriptors.map((d) => d.span),
      ...a.markers.map((m) => m.span),
      ...a.claims.flatMap((c) => c.spans),
      ...a.frames.flatMap((f) => f.hits),
      ...a.sentiment.flatMap((s) => s.spans),
    ];
    for (const s of body) expect(inText(TEXT, s)).toBe(true);
    for (const m of a.markers) expect(TEXT.slice(m.span.start, m.span.end)).toBe(m.text);
    const t = a.title!;
    expect(t.markers.every((m) => m.field === "title" && TITLE.slice(m.span.start, m.span.end) === m.text)).toBe(true);
    expect(t.markers.map((m) => m.type).sort()).toEqual(["booster", "scare_quote"]);
    expect(t.descriptors.map((d) => [d.text, d.labelClass, d.field])).toEqual([
      ["regime", "pejorative_governance", "title"],
    ]);
    expect(t.mentions.some((m) => m.actorKey === "korvath-front")).toBe(true);
  });

  it("composes actors, naming, markers, claims, frames, sentiment and the lead", () => {
    const kf = a.actors.find((x) => x.key === "korvath-front")!;
    expect(kf.salient).toBe(true);
    expect(a.descriptors.find((d) => d.actorKey === "korvath-front")?.labelClass).toBe("contested_legal_status");
    expect(a.markers.map((m) => m.type)).toEqual(expect.arrayContaining(["hedge", "booster", "scare_quote", "loaded"]));
    expect(a.densities.hedge).toBeGreaterThan(0);
    expect(a.claims.length).toBeGreaterThan(3);
    expect(a.claims.some((c) => c.stance === "asserted")).toBe(true);
    expect(a.claims.every((c) => !c.text.endsWith("?"))).toBe(true);
    expect(a.frames.length).toBeGreaterThan(0);
    expect(a.sentiment.find((s) => s.actorKey === "korvath-front")!.mean).toBeLessThan(0);
    expect(a.lead.span).toEqual({ start: 0, end: TEXT.split("\n").slice(0, 3).join("\n").length });
    expect(a.lead.wordCount).toBeLessThan(a.wordCount);
    for (const i of a.lead.markerIdx) expect(a.markers[i]!.span.end).toBeLessThanOrEqual(a.lead.span!.end);
    expect(a.attributions.every((x) => typeof x.words === "number" && x.quotedWords <= x.words)).toBe(true);
  });

  it("names a rule known to the methods page on every item", () => {
    const used = [
      ...a.mentions.map((m) => m.rule),
      ...a.descriptors.map((d) => d.rule),
      ...a.markers.map((m) => m.rule),
      ...a.claims.map((c) => c.rule),
      ...a.claims.map((c) => c.evidence[0]!),
      ...a.frames.map((f) => f.rule),
      ...a.sentiment.map((s) => s.rule),
    ];
    for (const r of used) expect(RULES, r).toHaveProperty(r);
    for (const r of Object.values(RULES)) expect(r.length).toBeGreaterThan(10);
  });

  it("uses only codebook categories", () => {
    const ids = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));
    const labelClasses = ids(codebook.labelClasses);
    const markerTypes = ids(codebook.markerTypes);
    const stances = ids(codebook.claimStances);
    expect(a.descriptors.every((d) => labelClasses.has(d.labelClass))).toBe(true);
    expect(a.markers.every((m) => markerTypes.has(m.type))).toBe(true);
    expect(a.claims.every((c) => stances.has(c.stance))).toBe(true);
    expect(codebook.sourceKinds.map((k) => k.id)).toEqual([
      "official",
      "armed_group",
      "politician",
      "expert",
      "media",
      "document",
      "civil_society",
      "ordinary_person",
      "unnamed",
      "other",
    ]);
    expect(codebook.cueStances.map((k) => k.id)).toEqual([
      "neutral",
      "distancing",
      "endorsing",
      "denial",
      "accusation",
    ]);
  });

  it("survives tokens the tagger leaves without a lemma ('cannot')", () => {
    // Two main clauses, each with its own subject: two claims (claim.proposition), each with its terms.
    const claims = analyse("The council cannot stop the strike, and workers cannot wait.").claims;
    expect(claims.map((c) => c.terms.length > 0)).toEqual([true, true]);
  });

  it("handles empty text and a missing title", () => {
    const e: ArticleAnalysis = analyse("");
    expect(e.wordCount).toBe(0);
    expect(e.claims).toEqual([]);
    expect(e.title).toBeNull();
    expect(e.lead.span).toBeNull();
  });

  // Speed lives in bench/framing.bench.ts (the same 100k-word input, timed against a baseline); here the output
  // of a long input must be the one article's output repeated: nothing dropped, doubled or merged across copies.
  it("reads a long input (about 100k words) as its parts: every per-paragraph item scales with the copies", () => {
    const para = readFileSync("tests/fixtures/articles/border-incident.txt", "utf8");
    const copies = Math.ceil(100_000 / Math.max(1, para.split(/\s+/).length));
    const one = analyse(para);
    const r = analyse(Array.from({ length: copies }, () => para).join("\n"));
    const counts = (a: ArticleAnalysis) => ({
      words: a.wordCount,
      paragraphs: a.segmentation.paragraphs.length,
      sentences: a.segmentation.sentences.length,
      attributions: a.attributions.length,
      mentions: a.mentions.length,
      descriptors: a.descriptors.length,
      markers: a.markers.length,
      frameHits: a.frames.reduce((n, f) => n + f.hits.length, 0),
      claims: a.claims.length,
    });
    const single = counts(one);
    expect(single.attributions).toBeGreaterThan(0);
    expect(single.claims).toBeGreaterThan(0);
    expect(r.wordCount).toBeGreaterThan(90_000);
    expect(counts(r)).toEqual(Object.fromEntries(Object.entries(single).map(([k, n]) => [k, n * copies])));
    // Sources and actors are the same people and groups, merged across the copies.
    expect(r.sources.length).toBe(one.sources.length);
    expect(r.actors.map((a) => a.key).sort()).toEqual(one.actors.map((a) => a.key).sort());
  }, 60_000);
});
