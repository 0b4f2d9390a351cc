// Lists what the sourcing engine misses on a PolNeAR split (gold attributions no prediction overlaps by
// 0.3) and what it finds that gold lacks, grouped by construction, so rules attack general classes rather
// than single articles. `tsx scripts/attribution-misses.ts [DIR] [--show CLASS] [--fp RULE] [--n N]`.
import fs from "node:fs";
import path from "node:path";
import { analyseSourcing } from "#app/analysis/sourcing";
import { POLNEAR_TRAIN_DIR, polnearAttributions } from "./lib/sourcing-eval";

interface Span {
  start: number;
  end: number;
}
interface Gold {
  content: Span[];
  source: Span[] | null;
  cue: Span[] | null;
}

const args = process.argv.slice(2);
const opt = (n: string) => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = args[0] && !args[0].startsWith("--") ? path.resolve(args[0]) : POLNEAR_TRAIN_DIR;
const show = opt("--show");
const fpRule = opt("--fp");
const limit = Number(opt("--n") ?? 40);

function cpToUtf16(text: string): (cp: number) => number {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[Math.min(cp, map.length - 1)]!;
}

/** The shared scorer's reading of a BRAT file (first annotator, repeated roles joined). */
function parseAnn(ann: string, conv: (cp: number) => number): Gold[] {
  const spans = new Map<string, Span[]>();
  for (const line of ann.split("\n")) {
    const cols = line.split("\t");
    if (!line.startsWith("T") || cols.length < 2) continue;
    const rest = cols[1]!.split(" ").slice(1).join(" ");
    spans.set(
      cols[0]!,
      rest.split(";").map((f) => {
        const [s, e] = f.trim().split(" ").map(Number);
        return { start: conv(s!), end: conv(e!) };
      }),
    );
  }
  const out: Gold[] = [];
  for (const line of ann.split("\n")) {
    if (!line.startsWith("E")) continue;
    const roles: Record<string, Span[]> = {};
    for (const part of line.split("\t")[1]!.split(" ")) {
      const [role, id] = part.split(":");
      const key = role!.replace(/\d+$/, "");
      const s = spans.get(id ?? "");
      if (s) roles[key] = [...(roles[key] ?? []), ...s];
    }
    if (roles.Content) out.push({ content: roles.Content, source: roles.Source ?? null, cue: roles.Cue ?? null });
  }
  return out;
}

function overlap(a: Span[], b: Span[]): number {
  const A = new Set<number>();
  for (const s of a) for (let i = s.start; i < s.end; i++) A.add(i);
  let inter = 0;
  let nb = 0;
  const B = new Set<number>();
  for (const s of b) for (let i = s.start; i < s.end; i++) B.add(i);
  nb = B.size;
  for (const i of B) if (A.has(i)) inter++;
  const union = A.size + nb - inter;
  return union ? inter / union : 0;
}

const txt = (text: string, s: Span[] | null) => (s ? s.map((x) => text.slice(x.start, x.end)).join(" … ") : "");
const clip = (s: string, n = 110) => (s.length > n ? s.slice(0, n) + "…" : s).replace(/\s+/g, " ");

/** The construction of a missed gold attribution, read from its cue, source and content. */
function classify(text: string, g: Gold): string {
  const cue = txt(text, g.cue).toLowerCase();
  const src = txt(text, g.source).toLowerCase();
  const content = txt(text, g.content);
  const start = Math.min(...g.content.map((c) => c.start));
  const end = Math.max(...g.content.map((c) => c.end));
  if (
    /declin|not respond|did n.t return|could not be reached|no comment|unavailable/.test(
      cue + " " + content.slice(0, 60).toLowerCase(),
    )
  )
    return "non-response";
  if (!g.cue) return "no cue";
  if (/according/.test(cue)) return "according to";
  if (
    /^(in|from) /.test(cue) ||
    (/statement|interview|release|report|memo|letter|tweet|post/.test(cue) && !/said|says/.test(cue))
  )
    return "nominal cue";
  if (/\?\s*$/.test(content.trim()) || /^(ask|asked|asks|asking|question|wonder)/.test(cue)) return "question";
  if (/\b(is|was|were|are|been|be)\b.*\b\w+ed\b/.test(cue) || /^it (is|was) /.test(cue)) return "passive";
  if (
    /\b(think|thinks|thought|believe|believes|believed|feel|feels|felt|know|knows|knew|hope|hopes|hoped|want|wants|wanted|fear|fears|feared|worry|worries|worried|expect|expects|expected|see|sees|saw|consider|considers|considered|view|views|viewed|seem|seems|seemed|appear|appears|appeared|hear|heard)\b/.test(
      cue,
    )
  )
    return "thought/perception verb";
  const para = text.lastIndexOf("\n", start);
  const paraEnd = text.indexOf("\n", end);
  const sentenceBreaks = (text.slice(start, end).match(/[.!?]["”]?\s+[A-Z“"]/g) ?? []).length;
  if (sentenceBreaks >= 1) return "multi-sentence content";
  if (!g.source) return "source-less cue";
  if (/^(he|she|they|it|we|i)$/.test(src)) return "pronoun source";
  if (
    /'s$|’s$/.test(src) ||
    /\b(claim|argument|assertion|view|position|promise|vow|pledge|call|warning|accusation|allegation)\b/.test(cue)
  )
    return "noun cue (X's claim)";
  if (/^[“"]/.test(text.slice(start - 1, start + 1)) || /[“”"]/.test(content)) return "quotation";
  void para;
  void paraEnd;
  if (/\b(told|tell|tells|telling)\b/.test(cue)) return "told";
  if (cue.split(/\s+/).length > 1) return "multi-word cue";
  return "verb cue: " + cue.replace(/(ed|s|ing|d)$/, "");
}

const textDir = path.join(dir, "text");
const annDir = path.join(dir, "attributions");
const golds = new Map<string, Gold[]>();
for (const a of fs
  .readdirSync(annDir)
  .filter((f) => f.endsWith(".ann"))
  .sort()) {
  const name = a.replace(/_[0-9a-f]{4}\.ann$/, "") + ".txt";
  if (golds.has(name)) continue;
  const text = fs.readFileSync(path.join(textDir, name), "utf8");
  golds.set(name, parseAnn(fs.readFileSync(path.join(annDir, a), "utf8"), cpToUtf16(text)));
}

const classes = new Map<string, { n: number; ex: string[] }>();
const fps = new Map<string, { n: number; all: number; ex: string[] }>();
let nGold = 0;
const cueWords = new Map<string, number>();
let nMiss = 0;
for (const [name, gold] of golds) {
  const text = fs.readFileSync(path.join(textDir, name), "utf8");
  const preds = polnearAttributions(analyseSourcing(text)) as {
    content: Span[];
    cue: Span | null;
    source: Span | null;
    rule: string;
  }[];
  nGold += gold.length;
  for (const g of gold) {
    if (preds.some((p) => overlap(p.content, g.content) >= 0.3)) continue;
    nMiss++;
    const part = preds.some((p) => overlap(p.content, g.content) > 0);
    const cueHit =
      g.cue && preds.some((p) => p.cue && g.cue!.some((c) => c.start < p.cue!.end && p.cue!.start < c.end));
    const c = (part ? "partial/" : cueHit ? "cue-found/" : "") + classify(text, g);
    cueWords.set(txt(text, g.cue).toLowerCase(), (cueWords.get(txt(text, g.cue).toLowerCase()) ?? 0) + 1);
    const e = classes.get(c) ?? { n: 0, ex: [] };
    e.n++;
    e.ex.push(
      `${name}  cue=[${txt(text, g.cue)}] src=[${clip(txt(text, g.source), 40)}] content=[${clip(txt(text, g.content))}]`,
    );
    classes.set(c, e);
  }
  for (const p of preds) {
    const e = fps.get(p.rule) ?? { n: 0, all: 0, ex: [] };
    e.all++;
    if (!gold.some((g) => overlap(p.content, g.content) >= 0.3)) {
      e.n++;
      const s = Math.min(...p.content.map((c) => c.start));
      const sent = text.slice(Math.max(0, s - 80), s + 120);
      e.ex.push(
        `${name}  cue=[${txt(text, p.cue ? [p.cue] : null)}] src=[${txt(text, p.source ? [p.source] : null)}] …${clip(sent, 200)}`,
      );
    }
    fps.set(p.rule, e);
  }
}

console.log(`${golds.size} articles, gold ${nGold}, missed ${nMiss} (${((100 * nMiss) / nGold).toFixed(1)}%)`);
console.log("missed gold by construction:");
for (const [c, e] of [...classes].sort((a, b) => b[1].n - a[1].n).slice(0, 60))
  console.log(`  ${String(e.n).padStart(5)}  ${c}`);
console.log("unmatched predictions by rule (count, of all the rule made):");
for (const [r, e] of [...fps].sort((a, b) => b[1].n - a[1].n))
  console.log(`  ${String(e.n).padStart(5)} / ${String(e.all).padStart(5)}  ${r}`);
if (args.includes("--cues"))
  for (const [c, n] of [...cueWords].sort((a, b) => b[1] - a[1]).slice(0, limit))
    console.log(`  ${String(n).padStart(5)}  ${c}`);
if (show) for (const x of (classes.get(show)?.ex ?? []).slice(0, limit)) console.log(x);
if (fpRule) for (const x of (fps.get(fpRule)?.ex ?? []).slice(0, limit)) console.log(x);
