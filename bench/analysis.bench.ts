// Sourcing throughput on ~1 MB made of the repo's own texts, against the tokenizer alone on the
// same text (measured in the same run), per-article latency, and memory over 1,000 articles.
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { tokenize } from "#app/analysis/nlp";
import { analyseSourcing } from "#app/analysis/sourcing";
import { HOSTILE_QUOTES, megabyteInputs } from "#tests/fixtures/hostile-inputs";

function repoTexts(): string[] {
  const dirs = ["app/demo", "app/demo/tutorial", "tests/fixtures/articles"];
  const out: string[] = [];
  for (const d of dirs) {
    const abs = path.resolve(d);
    if (!fs.existsSync(abs)) continue;
    for (const f of fs.readdirSync(abs).sort())
      if (f.endsWith(".txt")) out.push(fs.readFileSync(path.join(abs, f), "utf8"));
  }
  if (!out.length)
    out.push(
      "“The bridge stays shut,” Mayor Ilsa Brandt said. According to the council, repairs take a year. The union reportedly disagrees.",
    );
  return out;
}

const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

function best<T>(runs: number, fn: () => T): number {
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    b = Math.min(b, performance.now() - t0);
  }
  return b;
}

export async function bench(): Promise<void> {
  const texts = repoTexts();
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const t = texts[i % texts.length]!;
    parts.push(t);
    size += t.length + 2;
  }
  const big = parts.join("\n\n");
  const n = words(big);
  console.log(
    `corpus: ${(big.length / 1e6).toFixed(2)} MB, ${n.toLocaleString("en")} words, from ${texts.length} repo texts`,
  );

  analyseSourcing(big.slice(0, 50_000)); // warm up
  const tTok = best(2, () => tokenize(big));
  const tok = tokenize(big);
  const tSrc = best(2, () => analyseSourcing(big, tok));
  const tAll = best(2, () => analyseSourcing(big));
  const wps = (ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en");
  console.log(
    `baseline  tokenize (wink)              ${tTok.toFixed(0).padStart(6)} ms  ${wps(tTok).padStart(10)} words/s`,
  );
  console.log(
    `sourcing  given the tokens             ${tSrc.toFixed(0).padStart(6)} ms  ${wps(tSrc).padStart(10)} words/s`,
  );
  console.log(
    `sourcing  including tokenising         ${tAll.toFixed(0).padStart(6)} ms  ${wps(tAll).padStart(10)} words/s  (${(tAll / tTok).toFixed(2)}x the baseline)`,
  );

  // ~1,000-word articles cut from the corpus at paragraph ends.
  const paras = big.split("\n\n");
  const articles: string[] = [];
  let cur: string[] = [];
  let cw = 0;
  for (const p of paras) {
    cur.push(p);
    cw += words(p);
    if (cw >= 1000) {
      articles.push(cur.join("\n\n"));
      cur = [];
      cw = 0;
    }
  }
  const sample = articles.slice(0, 50);
  const perTok = best(3, () => sample.forEach((a) => tokenize(a))) / sample.length;
  const perAll = best(3, () => sample.forEach((a) => analyseSourcing(a))) / sample.length;
  const toks = sample.map((a) => tokenize(a));
  const perSrc = best(3, () => sample.forEach((a, i) => analyseSourcing(a, toks[i]))) / sample.length;
  console.log(
    `per 1,000-word article: tokenize ${perTok.toFixed(2)} ms (baseline), sourcing ${perSrc.toFixed(2)} ms given tokens, ${perAll.toFixed(2)} ms in all`,
  );

  // Hostile inputs (their output is checked in tests/unit/analysis/sourcing-fuzz.test.ts; their speed only here),
  // each beside the tokeniser alone on the same input.
  const hostile = [
    ...megabyteInputs(),
    ...HOSTILE_QUOTES.map((text, i) => ({
      name: `quote-mark flood ${i + 1} (${text.length.toLocaleString("en")} chars)`,
      text,
    })),
  ];
  for (const h of hostile) {
    const runs = h.text.length > 100_000 ? 1 : 3;
    const hTok = best(runs, () => tokenize(h.text));
    const hSrc = best(runs, () => analyseSourcing(h.text));
    console.log(
      `hostile: ${h.name.padEnd(40)} sourcing ${hSrc.toFixed(0).padStart(6)} ms   tokenize ${hTok.toFixed(0).padStart(6)} ms (baseline)   ${(hSrc / Math.max(hTok, 0.01)).toFixed(2)}x`,
    );
  }

  // Memory over 1,000 articles: peaks should not grow with the count; the heap retained after a
  // forced collection shows whether anything accumulates (a collector is exposed at run time).
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const marks: string[] = [];
  let peakRss = 0;
  let peakHeap = 0;
  for (let i = 1; i <= 1000; i++) {
    analyseSourcing(articles[i % articles.length]!);
    if (i % 50 === 0) {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
      if (i === 100 || i === 250 || i === 500 || i === 1000) {
        gc();
        marks.push(
          `${i}: rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB (${mb(process.memoryUsage().heapUsed)} MB retained after gc)`,
        );
      }
    }
  }
  console.log(
    `memory over 1,000 articles: ${marks.join(" · ")} · peak rss ${mb(peakRss)} MB, peak heap ${mb(peakHeap)} MB`,
  );
}
