import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Fictional variants of the repo's own test texts (tests/fixtures/articles), for load and library-size
// benchmarks: deterministic per index, unique text and URL per index, never third-party text.
const FIXTURES = fileURLToPath(new URL("../../tests/fixtures/articles/", import.meta.url));
const OUTLETS = [
  "The Saltmere Evening Post",
  "Ostrelian Daily Record",
  "Harbourside Gazette",
  "Meridian Wire Service",
  "Tolvaria Today",
  "The Marenland Observer",
  "Quellbridge Courier",
  "Northgate Ledger",
];
const OPENERS = ["Update:", "Analysis:", "Reported from the scene:", "Latest:", ""];

export interface Variant {
  title: string;
  text: string;
  outlet: string;
  url: string;
  published: string;
}

export function loadFixtureTexts(): { name: string; text: string }[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: path.basename(f, ".txt"), text: fs.readFileSync(path.join(FIXTURES, f), "utf8").trim() }));
}

function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

/** The n-th variant: paragraphs after the lead reordered, an outlet and a closing line that make it unique. */
export function makeVariant(fixtures: { name: string; text: string }[], n: number, runTag = "run"): Variant {
  const rand = prng(n * 2654435761 + 17);
  const base = fixtures[n % fixtures.length]!;
  const paras = base.text.split(/\n\s*\n/);
  const [lead, ...rest] = paras;
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const keep = rest.slice(0, Math.max(1, rest.length - Math.floor(rand() * 3)));
  const outlet = OUTLETS[Math.floor(rand() * OUTLETS.length)]!;
  const opener = OPENERS[Math.floor(rand() * OPENERS.length)]!;
  const text = [
    opener ? `${opener} ${lead}` : lead,
    ...keep,
    `This is generated test report ${runTag}-${n}, written for Parallax from its own fictional texts.`,
  ].join("\n\n");
  const day = String(1 + (n % 28)).padStart(2, "0");
  return {
    title: `${base.name.replace(/-/g, " ")} — generated report ${n}`,
    text,
    outlet,
    url: `https://example.org/generated/${runTag}/${n}`,
    published: `2026-02-${day}`,
  };
}
