// `cli analyze [--json] FILE...`: attributions for text (.txt, .md) or import-shaped JSON files.
// Offsets are JavaScript string indices into the text as read (the JSON's "text"), end exclusive.
import { analyseSourcing, type SourcingResult } from "#app/analysis/sourcing";
import type { Span } from "#app/analysis/types";
import { quotedWordCount } from "#app/analysis/quotes";
import { readArticleFile } from "../lib/article-file";

interface SpanOut {
  start: number;
  end: number;
  text: string;
}

function out(text: string, s: Span | null): SpanOut | null {
  return s ? { start: s.start, end: s.end, text: text.slice(s.start, s.end) } : null;
}

/** The contract shape of one attribution (content is the envelope; pieces in contentParts when split). */
export function attributionRows(text: string, r: SourcingResult) {
  const byKey = new Map(r.sources.map((s) => [s.key, s]));
  return r.attributions.map((a) => {
    const first = a.content[0]!;
    const last = a.content[a.content.length - 1]!;
    const row: Record<string, unknown> = {
      kind: a.kind,
      source: out(text, a.source),
      cue: out(text, a.cue),
      content: out(text, { start: first.start, end: last.end }),
      canonicalSource: a.sourceKey ? byKey.get(a.sourceKey)?.name ?? null : null,
      sourceKind: a.sourceKind,
      affiliation: a.affiliation,
      cueStance: a.cueStance,
      rule: a.rule,
      // The one words-quoted count the pages, charts and exports show for this attribution.
      quotedWords: quotedWordCount(text, a.kind, a.content),
    };
    if (a.content.length > 1) row.contentParts = a.content.map((c) => out(text, c));
    return row;
  });
}

export async function run(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const files = argv.filter((a) => a !== "--json");
  const unknown = files.filter((f) => f.startsWith("--"));
  if (unknown.length) {
    console.error(`analyze: unknown option ${unknown.join(", ")}\nusage: analyze [--json] FILE...`);
    return 2;
  }
  if (!files.length) {
    console.error("usage: analyze [--json] FILE...");
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let art;
    try {
      art = readArticleFile(file);
    } catch (e) {
      console.error((e as Error).message);
      failed++;
      continue;
    }
    const r = analyseSourcing(art.text);
    const rows = attributionRows(art.text, r);
    if (json) {
      process.stdout.write(JSON.stringify({ file: art.name, attributions: rows }) + "\n");
      continue;
    }
    const lines = [`${art.name}: ${rows.length} attributions, ${r.sources.length} sources`];
    for (const s of r.sources) {
      const n = s.attributionIds.length;
      lines.push(`  ${s.name}${s.description ? ` (${s.description})` : ""} · ${s.kind}${s.affiliation ? ` · ${s.affiliation}` : ""} · ${n} attribution${n === 1 ? "" : "s"}${s.named ? "" : " · unnamed"}`);
    }
    for (const row of rows) {
      const c = row.content as SpanOut;
      const src = row.canonicalSource ?? (row.source as SpanOut | null)?.text ?? "(no source)";
      const cue = (row.cue as SpanOut | null)?.text ?? "";
      const snippet = c.text.length > 90 ? c.text.slice(0, 87) + "…" : c.text;
      lines.push(`  [${c.start}-${c.end}] ${src} · ${cue} (${row.cueStance}) · ${row.rule}: ${snippet.replace(/\s+/g, " ")}`);
    }
    process.stdout.write(lines.join("\n") + "\n");
  }
  return failed ? 1 : 0;
}
