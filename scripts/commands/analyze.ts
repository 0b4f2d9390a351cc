// `cli analyze [--json] [--all] FILE...`: attributions for text (.txt, .md) or import-shaped JSON files; with
// --all (and --json) every layer of the analysis too: markers with their voice, claims, sources, descriptors.
// Offsets are JavaScript string indices into the text as read (the JSON's "text"), end exclusive.
import { analyseSourcing, type SourcingResult } from "#app/analysis/sourcing";
import { analyse, type ArticleAnalysis } from "#app/analysis/index";
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
export function attributionRows(text: string, r: Pick<SourcingResult, "attributions" | "sources">) {
  const byKey = new Map(r.sources.map((s) => [s.key, s]));
  return r.attributions.map((a) => {
    const first = a.content[0]!;
    const last = a.content[a.content.length - 1]!;
    const row: Record<string, unknown> = {
      kind: a.kind,
      source: out(text, a.source),
      cue: out(text, a.cue),
      content: out(text, { start: first.start, end: last.end }),
      canonicalSource: a.sourceKey ? (byKey.get(a.sourceKey)?.name ?? null) : null,
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

/** The --all layers of one analysed text (the contract of `analyze --json --all`). */
export function allLayers(text: string, a: ArticleAnalysis) {
  const actorName = new Map(a.actors.map((x) => [x.key, x.name]));
  return {
    markers: a.markers.map((m) => ({
      type: m.type,
      start: m.span.start,
      end: m.span.end,
      text: text.slice(m.span.start, m.span.end),
      lexiconEntry: m.lexiconEntry,
      rule: m.rule,
      voice: m.voice,
    })),
    claims: a.claims.map((c) => ({
      start: c.span.start,
      end: c.span.end,
      text: text.slice(c.span.start, c.span.end),
      stance: c.stance,
    })),
    sources: a.sources.map((s) => ({ name: s.name, kind: s.kind, affiliation: s.affiliation, named: s.named })),
    descriptors: a.descriptors.map((d) => ({
      actor: actorName.get(d.actorKey) ?? d.actorKey,
      start: d.span.start,
      end: d.span.end,
      text: text.slice(d.span.start, d.span.end),
      labelClass: d.labelClass,
    })),
  };
}

const USAGE = "usage: analyze [--json] [--all] FILE...";

export async function run(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const all = argv.includes("--all");
  const files = argv.filter((a) => a !== "--json" && a !== "--all");
  const unknown = files.filter((f) => f.startsWith("--"));
  if (unknown.length) {
    console.error(`analyze: unknown option ${unknown.join(", ")}\n${USAGE}`);
    return 2;
  }
  if (all && !json) {
    console.error(`analyze: --all needs --json (every layer is printed as JSON)\n${USAGE}`);
    return 2;
  }
  if (!files.length) {
    console.error(USAGE);
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
    if (all) {
      const a = analyse(art.text);
      process.stdout.write(
        JSON.stringify({ file: art.name, attributions: attributionRows(art.text, a), ...allLayers(art.text, a) }) +
          "\n",
      );
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
      lines.push(
        `  ${s.name}${s.description ? ` (${s.description})` : ""} · ${s.kind}${s.affiliation ? ` · ${s.affiliation}` : ""} · ${n} attribution${n === 1 ? "" : "s"}${s.named ? "" : " · unnamed"}`,
      );
    }
    for (const row of rows) {
      const c = row.content as SpanOut;
      const src = row.canonicalSource ?? (row.source as SpanOut | null)?.text ?? "(no source)";
      const cue = (row.cue as SpanOut | null)?.text ?? "";
      const snippet = c.text.length > 90 ? c.text.slice(0, 87) + "…" : c.text;
      lines.push(
        `  [${c.start}-${c.end}] ${src} · ${cue} (${row.cueStance}) · ${row.rule}: ${snippet.replace(/\s+/g, " ")}`,
      );
    }
    process.stdout.write(lines.join("\n") + "\n");
  }
  return failed ? 1 : 0;
}
