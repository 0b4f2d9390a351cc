// Framing and claims stages: whole analyse() throughput against a tokenise-only baseline in the same run,
// claim alignment across 10 articles, and related-coverage lookups in a 100,000-article synthetic library.
// Texts are the repo's own (tests/fixtures, app/demo); nothing from ../shared/data.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { countWords, tokenize } from "#app/analysis/nlp";
import { analyseSourcing } from "#app/analysis/sourcing";
import { analyse } from "#app/analysis/index";
import { compareArticles, type CompareInput } from "#app/compare/compare";
import { alignClaims } from "#app/compare/claims-align";
import { buildRelatedIndex, type RelatedDoc } from "#app/compare/related";

const root = fileURLToPath(new URL("../", import.meta.url));

function repoTexts(): { name: string; title: string; text: string }[] {
  const out: { name: string; title: string; text: string }[] = [];
  const dirs = ["tests/fixtures/articles", "app/demo/tutorial"];
  for (const d of dirs) {
    const dir = root + d;
    if (!fs.existsSync(dir)) continue;
    for (const f of fs
      .readdirSync(dir)
      .filter((x) => x.endsWith(".txt"))
      .sort())
      out.push({
        name: `${d}/${f}`,
        title: f.replace(/\.txt$/, "").replace(/-/g, " "),
        text: fs.readFileSync(`${dir}/${f}`, "utf8"),
      });
  }
  const seed = root + "app/demo/seed-article.txt";
  if (fs.existsSync(seed))
    out.push({ name: "app/demo/seed-article.txt", title: "seed article", text: fs.readFileSync(seed, "utf8") });
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeRuns(f: () => void, minMs = 1500, minRuns = 5): number[] {
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times;
}

function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** Zipf-distributed pseudo-words with a tenth of the repo texts' words mixed in: realistic postings lengths. */
function syntheticLibrary(n: number, real: { title: string; text: string }[]): RelatedDoc[] {
  const rand = rng(11);
  const syll = ["ka", "lo", "mer", "tin", "sa", "vo", "ren", "dul", "pa", "shi", "gor", "el", "an", "ti", "bra", "mon"];
  const vocab = Array.from(
    { length: 60_000 },
    (_, i) => syll[i % 16]! + syll[(i >> 4) % 16]! + syll[(i >> 8) % 16]! + (i >> 12 ? syll[(i >> 12) % 16]! : ""),
  );
  const pool = real
    .map((r) => r.text)
    .join(" ")
    .split(/\s+/);
  const zipf = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(rand() * Math.log(vocab.length))) - 1)]!;
  const docs: RelatedDoc[] = real.map((r, i) => ({
    id: i + 1,
    url: null,
    title: r.title,
    text: r.text,
    published: "2026-03-11",
  }));
  for (let i = docs.length; i < n; i++) {
    const len = 60 + Math.floor(rand() * 60);
    const ws: string[] = [];
    for (let k = 0; k < len; k++)
      ws.push(
        rand() < 0.1
          ? pool[Math.floor(rand() * pool.length)]!
          : k % 9 === 0
            ? zipf().replace(/^./, (c) => c.toUpperCase())
            : zipf(),
      );
    docs.push({
      id: i + 1,
      url: null,
      title: ws.slice(0, 8).join(" "),
      text: ws.join(" "),
      published: `20${String(10 + (i % 16))}-${String(1 + (i % 12)).padStart(2, "0")}-10`,
    });
  }
  return docs;
}

export async function bench(): Promise<void> {
  const texts = repoTexts();
  const words = texts.reduce((n, t) => n + countWords(t.text), 0);
  console.log(`corpus: ${texts.length} repo texts, ${words.toLocaleString("en")} words`);
  for (const t of texts) analyse(t.text, { title: t.title }); // warm-up

  // Interleaved rounds (baseline, sourcing, whole analysis back to back), medians per variant: a busy
  // machine slows all three alike instead of whichever happened to run during a burst.
  const tokT: number[] = [];
  const srcT: number[] = [];
  const allT: number[] = [];
  const start = performance.now();
  while (tokT.length < 15 || performance.now() - start < 4000) {
    let t = performance.now();
    texts.forEach((x) => tokenize(x.text));
    tokT.push(performance.now() - t);
    t = performance.now();
    texts.forEach((x) => analyseSourcing(x.text, tokenize(x.text)));
    srcT.push(performance.now() - t);
    t = performance.now();
    texts.forEach((x) => analyse(x.text, { title: x.title }));
    allT.push(performance.now() - t);
  }
  const tok = median(tokT);
  const src = median(srcT);
  const all = median(allT);
  const per1000 = (ms: number) => ((ms * 1000) / words).toFixed(2);
  const wps = (ms: number) => Math.round((words * 1000) / ms).toLocaleString("en");
  console.log(`baseline tokenise only      ${per1000(tok)} ms / 1,000 words   ${wps(tok)} words/s`);
  console.log(`tokenise + sourcing         ${per1000(src)} ms / 1,000 words   ${wps(src)} words/s`);
  console.log(
    `whole analyse() (+ framing, claims, title, lead)  ${per1000(all)} ms / 1,000 words   ${wps(all)} words/s   (target < 20 ms)`,
  );
  console.log(`framing and claims stages add ${per1000(all - src)} ms / 1,000 words over sourcing`);

  // A long input (about 100k words; its output is checked in tests/unit/analysis/framing-analyse.test.ts, its
  // speed only here): per 1,000 words it should cost what the articles above cost, if the analysis is linear.
  const para = fs.readFileSync(root + "tests/fixtures/articles/border-incident.txt", "utf8");
  const long = Array.from({ length: Math.ceil(100_000 / para.split(/\s+/).length) }, () => para).join("\n");
  const longWords = countWords(long);
  const longT = median(timeRuns(() => analyse(long), 0, 3));
  const longTok = median(timeRuns(() => tokenize(long), 0, 3));
  console.log(
    `long input, ${longWords.toLocaleString("en")} words: analyse() ${(longT / 1000).toFixed(1)} s = ${((longT * 1000) / longWords).toFixed(2)} ms / 1,000 words (articles above: ${per1000(all)}; tokenise only ${((longTok * 1000) / longWords).toFixed(2)})   (linear: about the same)`,
  );

  // Claim alignment across 10 articles (the whole comparison, and alignment is most of it).
  const inputs: CompareInput[] = [];
  for (let i = 0; inputs.length < 10; i++) {
    const t = texts[i % texts.length]!;
    inputs.push({
      id: inputs.length + 1,
      title: t.title,
      outlet: null,
      url: null,
      published: null,
      analysis: analyse(t.text, { title: t.title }),
      text: t.text,
    });
  }
  const claims = inputs.reduce((n, x) => n + x.analysis.claims.length, 0);
  const cmp = timeRuns(() => compareArticles(inputs, { focalId: 1 }));
  console.log(
    `compareArticles, 10 articles (${claims} claims): median ${median(cmp).toFixed(1)} ms, best ${Math.min(...cmp).toFixed(1)} ms   (target < 50 ms)`,
  );
  // Alignment alone on 2,000 synthetic claims (the unit test checks the grouping; the time belongs here).
  const many = Array.from({ length: 2000 }, (_, i) => ({
    articleId: i % 10,
    claimId: `c${i}`,
    text: "x",
    terms: `t${i % 97} t${i % 89} t${i % 83} @a${i % 7} ${i % 50}`.split(" "),
  }));
  const big = timeRuns(() => alignClaims(many));
  console.log(
    `alignClaims, 2,000 synthetic claims: median ${median(big).toFixed(1)} ms, best ${Math.min(...big).toFixed(1)} ms   (was asserted < 1,000 ms in a unit test)`,
  );

  // Related coverage in a 100,000-article library.
  const n = Number(process.env.BENCH_RELATED_N ?? 100_000);
  const lib = syntheticLibrary(n, texts);
  const t0 = performance.now();
  const index = buildRelatedIndex(lib);
  const build = performance.now() - t0;
  const q: number[] = [];
  const rand = rng(5);
  for (let i = 0; i < 50; i++) {
    const id = 1 + Math.floor(rand() * n);
    const t = performance.now();
    index.query(id, 5);
    q.push(performance.now() - t);
  }
  q.sort((a, b) => a - b);
  console.log(
    `related: ${n.toLocaleString("en")}-article library indexed in ${(build / 1000).toFixed(1)} s; lookup median ${median(q).toFixed(1)} ms, p95 ${q[Math.floor(q.length * 0.95)]!.toFixed(1)} ms   (target < 100 ms)`,
  );
}
