// Grouping and omission errors on the comparison gold (BASIL dev), scored as ../shared/eval/comparison-eval.mjs
// scores a bundle (one group per claim, the last one listed wins): each gold pair the app splits, each app pair gold
// splits, with both texts, and the figures. For reading errors by class, not for tuning to single articles.
//   npx tsx scripts/claim-group-errors.ts [--quiet] [--fresh] [--threshold X]
import fs from "node:fs";
import path from "node:path";
import { analyse, type ArticleAnalysis } from "#app/analysis/index";
import { compareArticles, type CompareInput } from "#app/compare/compare";
import { pairSimilarities } from "#app/compare/claims-align";
import { COMPARISON_GOLD_DIR, COMPARISON_IMPORT_DIR, evidenceOverlap } from "./lib/comparison-eval";

interface Cell {
  present: boolean;
  evidence?: string;
}
interface Gold {
  event: string;
  articles: Record<string, unknown>;
  claims: { id: string; claim: string; cells: Record<string, Cell> }[];
}

if (!fs.existsSync(COMPARISON_GOLD_DIR) || !fs.existsSync(COMPARISON_IMPORT_DIR)) {
  console.log("comparison gold absent: nothing to list");
  process.exit(0);
}
const quiet = process.argv.includes("--quiet");
const ti = process.argv.indexOf("--threshold");
const threshold = ti >= 0 ? Number(process.argv[ti + 1]) : undefined;
// The analyses do not change while the alignment is worked on: kept between runs unless --fresh.
const CACHE = `/tmp/${path.basename(process.cwd())}-claim-group-analyses.json`;
const cache: Record<string, ArticleAnalysis> =
  !process.argv.includes("--fresh") && fs.existsSync(CACHE) ? JSON.parse(fs.readFileSync(CACHE, "utf8")) : {};
let dirty = false;

const t = { gPairs: 0, gTogether: 0, aPairs: 0, aSame: 0, lacksGold: 0, lacksApp: 0, lacksBoth: 0 };
const listed = { gold: 0, app: 0, both: 0 };
const short = (s: string) => s.replace(/\s+/g, " ").slice(0, 260);
let alignMs = 0;
const classes: Record<string, number> = {};
const simLog: string[] = [];
const candidates: {
  key: string;
  goldLacks: boolean;
  focalMatched: boolean;
  cnt?: number;
  other?: string;
  focal?: string;
  claim?: string;
  others: number;
  sim: number;
  cov: number;
}[] = [];
for (const f of fs
  .readdirSync(COMPARISON_GOLD_DIR)
  .filter((x) => x.endsWith(".gold.json"))
  .sort()) {
  const gold = JSON.parse(fs.readFileSync(path.join(COMPARISON_GOLD_DIR, f), "utf8")) as Gold;
  const names = Object.keys(gold.articles);
  const inputs: CompareInput[] = names.map((n, i) => {
    const imp = JSON.parse(fs.readFileSync(path.join(COMPARISON_IMPORT_DIR, n), "utf8")) as {
      title?: string;
      text: string;
    };
    let a = cache[n];
    if (!a) {
      a = cache[n] = analyse(imp.text, { title: imp.title ?? null });
      dirty = true;
    }
    return { id: i + 1, title: imp.title ?? n, outlet: null, url: null, published: null, analysis: a, text: imp.text };
  });
  const t0 = performance.now();
  const cmps = names.map((_, fi) => compareArticles(inputs, { focalId: fi + 1, alignThreshold: threshold }));
  alignMs += performance.now() - t0;
  const cmp = cmps[0]!;
  const groupOf = new Map<string, (typeof cmp.claimGroups)[number]>();
  for (const g of cmp.claimGroups) for (const c of g.cells) groupOf.set(`${c.articleId}:${c.claimId}`, g);
  const textOf = (a: number, id: string) => inputs[a - 1]!.analysis.claims.find((c) => c.id === id)?.text ?? "";
  const matched: { k: string; claim: string; art: number; id: string; g: (typeof cmp.claimGroups)[number] | null }[] =
    [];
  for (const k of gold.claims)
    names.forEach((n, i) => {
      const cell = k.cells[n];
      if (!cell?.present) return;
      let best: string | null = null;
      let bs = 0;
      for (const c of inputs[i]!.analysis.claims) {
        const s = evidenceOverlap(cell.evidence ?? "", c.text);
        if (s > bs) [best, bs] = [c.id, s];
      }
      if (best && bs >= 0.5)
        matched.push({ k: k.id, claim: k.claim, art: i + 1, id: best, g: groupOf.get(`${i + 1}:${best}`) ?? null });
    });
  const flat = inputs.flatMap((inp) =>
    inp.analysis.claims.map((c) => ({ articleId: inp.id, claimId: c.id, terms: c.terms, text: c.text })),
  );
  const idx = new Map(flat.map((c, i) => [`${c.articleId}:${c.claimId}`, i]));
  const ps = pairSimilarities(flat);
  const simOf = (a: { art: number; id: string }, b: { art: number; id: string }) => {
    const i = idx.get(`${a.art}:${a.id}`)!;
    const j = idx.get(`${b.art}:${b.id}`)!;
    return `strict ${(ps.strict[i]!.get(j) ?? 0).toFixed(2)} loose ${(ps.loose[i]!.get(j) ?? 0).toFixed(2)} terms ${flat[i]!.terms.join(",")} | ${flat[j]!.terms.join(",")}`;
  };
  const out: string[] = [];
  const carried = new Map<string, number>();
  for (const m of matched) carried.set(`${m.art}:${m.id}`, (carried.get(`${m.art}:${m.id}`) ?? 0) + 1);
  const classOf = (a: (typeof matched)[number], b: (typeof matched)[number]) => {
    const words = (m: typeof a) => (textOf(m.art, m.id).match(/[\p{L}\p{N}]+/gu) ?? []).length;
    if ((carried.get(`${a.art}:${a.id}`) ?? 0) > 1 || (carried.get(`${b.art}:${b.id}`) ?? 0) > 1)
      return "several-gold-claims";
    if (words(a) < 8 || words(b) < 8) return "fragment";
    return "other";
  };
  for (let i = 0; i < matched.length; i++)
    for (let j = i + 1; j < matched.length; j++) {
      const a = matched[i]!;
      const b = matched[j]!;
      if (a.art === b.art) continue;
      const same = !!a.g && a.g === b.g;
      if (a.k === b.k) {
        t.gPairs++;
        if (same) t.gTogether++;
        else {
          const c = `split:${classOf(a, b)}`;
          classes[c] = (classes[c] ?? 0) + 1;
          simLog.push(`${c} ${simOf(a, b)}`);
          out.push(
            `SPLIT ${a.k} "${a.claim}"\n   ${a.art}${a.id} [${a.g?.id} ${a.g?.label}] ${short(textOf(a.art, a.id))}\n   ${b.art}${b.id} [${b.g?.id} ${b.g?.label}] ${short(textOf(b.art, b.id))}`,
          );
        }
      }
      if (same) {
        t.aPairs++;
        if (a.k === b.k) t.aSame++;
        else {
          const c = `wrong:${classOf(a, b)}`;
          classes[c] = (classes[c] ?? 0) + 1;
          out.push(
            `WRONG [${a.g!.id} ${a.g!.label}] ${a.k} "${a.claim}" / ${b.k} "${b.claim}"\n   ${a.art}${a.id} ${short(textOf(a.art, a.id))}\n   ${b.art}${b.id} ${short(textOf(b.art, b.id))}`,
          );
        }
      }
    }
  for (let fi = 0; fi < names.length; fi++) {
    const focal = fi + 1;
    const lacksListed = new Set<string>();
    for (const g of cmps[fi]!.claimGroups)
      if (g.focalLacks) for (const c of g.cells) lacksListed.add(`${c.articleId}:${c.claimId}`);
    for (const k of gold.claims) {
      const ms = matched.filter((m) => m.k === k.id && m.art !== focal);
      if (!ms.length) continue;
      const goldLacks = !k.cells[names[fi]!]?.present;
      const appLacks = ms.some((m) => m.g && !m.g.articles.includes(focal));
      if (goldLacks) t.lacksGold++;
      if (appLacks) t.lacksApp++;
      if (goldLacks && appLacks) t.lacksBoth++;
      const lst = ms.some((m) => lacksListed.has(`${m.art}:${m.id}`));
      if (goldLacks) listed.gold++;
      if (lst) listed.app++;
      if (goldLacks && lst) listed.both++;
      // Each candidate for the list (a group of this claim the focal article is not in): its closest focal clause.
      for (const m of ms) {
        const g = cmps[fi]!.claimGroups.find((x) => x.cells.some((c) => c.articleId === m.art && c.claimId === m.id));
        if (!g || g.articles.includes(focal)) continue;
        candidates.push({
          key: `${gold.event}|${focal}|${k.id}`,
          goldLacks,
          focalMatched: matched.some((x) => x.k === k.id && x.art === focal),
          others: g.articles.length,
          sim: g.focalClosest?.similarity ?? 0,
          cov: g.focalClosest?.coverage ?? 0,
          other: short(textOf(m.art, m.id)),
          focal: short(k.cells[names[fi]!]?.evidence ?? ""),
          claim: k.claim,
        });
      }
      if (lst && goldLacks && process.argv.includes("--listed"))
        out.push(`LISTED-ABSENT focal ${focal} ${k.id} "${k.claim}"`);
      if (lst && !goldLacks) {
        const g = cmps[fi]!.claimGroups.find((x) =>
          x.cells.some(
            (c) =>
              lacksListed.has(`${c.articleId}:${c.claimId}`) &&
              ms.some((m) => m.art === c.articleId && m.id === c.claimId),
          ),
        );
        out.push(
          `LISTED-BUT-PRESENT focal ${focal} ${k.id} "${k.claim}"\n   gold: ${short(k.cells[names[fi]!]?.evidence ?? "")}\n   closest: ${g?.focalClosest ? `${g.focalClosest.similarity}/${g.focalClosest.coverage} ${short(g.focalClosest.clause ?? "")}` : "none"}`,
        );
      }
    }
  }
  if (!quiet && out.length) console.log(`\n# ${gold.event}\n${out.join("\n")}`);
}
fs.writeFileSync(`/tmp/${path.basename(process.cwd())}-candidates.json`, JSON.stringify(candidates));
if (dirty) fs.writeFileSync(CACHE, JSON.stringify(cache));
const r = (a: number, b: number) => (b ? (a / b).toFixed(3) : "n/a");
console.log(
  `grouping recall ${r(t.gTogether, t.gPairs)} (${t.gTogether}/${t.gPairs}) precision ${r(t.aSame, t.aPairs)} (${t.aSame}/${t.aPairs}); ` +
    `lacks precision ${r(t.lacksBoth, t.lacksApp)} recall ${r(t.lacksBoth, t.lacksGold)}; ` +
    `listed lacks precision ${r(listed.both, listed.app)} recall ${r(listed.both, listed.gold)} (${listed.app} listed); ` +
    `compare ${Math.round(alignMs)} ms`,
);
if (process.argv.includes("--sims")) console.log(simLog.join("\n"));
console.log(`error classes: ${JSON.stringify(classes)}`);
