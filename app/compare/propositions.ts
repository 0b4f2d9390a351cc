// Clause-level propositions of a claim, for alignment only: a sentence often carries two or three propositions
// ("X resigned on Friday and said he would repay the money"; "X, who settled a case in 2014, resigned"), and two
// claims state one proposition when one clause of each does. Splits on the surface, with each clause's span kept.
import { stem } from "#app/analysis/stem";

export interface ClauseSpan {
  /** Offsets into the claim's text, end exclusive. */
  start: number;
  end: number;
}

/** Words after "and"/"but" that open a second predicate ("and said", "and was paid", "and he added"). */
const CLAUSE_OPENERS = new Set(
  (
    "he she they it we i was were is are has have had will would could can did does do said says told added noted " +
    "later then also now became remains remained that"
  ).split(" "),
);
/** A clause needs this many words to stand as a proposition ("she sued him"); shorter pieces stay with a neighbour. */
const MIN_WORDS = 3;

/** A cheap first test: a text with none of these has one clause. */
const CUE = /[;…—–]| and | but | who | which | whose | while /;

function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/**
 * Cut points of a claim text: " … " between an attribution's pieces, semicolons, ", and"/", but"/"and" before a
 * second predicate (a pronoun, an auxiliary, a reporting verb or an -ed verb), and relative clauses ("who …",
 * ", which …") up to their closing comma. Pieces under three words are merged back, so a claim never loses words.
 */
export function splitPropositions(text: string): ClauseSpan[][] {
  if (!CUE.test(text)) return [[{ start: 0, end: text.length }]];
  const cuts: (ClauseSpan & { relative: boolean })[] = [];
  const re =
    /\s…\s|;\s+|,?\s+(?:and|but)\s+(?=(\p{L}+))|,\s+(?:which|who|whose)\s+|\s+who\s+(?=\p{Ll})|,\s+while\s+|\s[—–]\s/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const sep = m[0];
    if (/\b(?:and|but)\s+$/u.test(sep)) {
      const next = (m[1] ?? "").toLowerCase();
      if (!CLAUSE_OPENERS.has(next) && !/^\p{Ll}+ed$/u.test(m[1] ?? "")) continue;
    }
    cuts.push({ start: m.index, end: m.index + sep.length, relative: /\bwho|which|whose\b/.test(sep) });
  }
  if (!cuts.length) return [[{ start: 0, end: text.length }]];
  // A relative clause closes at the next comma when a lowercase word follows it: the main clause runs on after it
  // ("X, the lawmaker who settled a case, resigned on Friday" → "X, the lawmaker … resigned on Friday").
  const props: ClauseSpan[][] = [];
  let from = 0;
  let resume: ClauseSpan | null = null;
  for (let k = 0; k < cuts.length; k++) {
    const c = cuts[k]!;
    if (c.start < from) continue;
    const head = { start: from, end: c.start };
    if (c.relative) {
      const close = text.slice(c.end).search(/,\s+(?=\p{Ll})/u);
      const next = cuts.find((x) => x.start >= c.end);
      if (close >= 0 && (!next || c.end + close <= next.start)) {
        const relEnd = c.end + close;
        props.push([{ start: c.end, end: relEnd }]);
        const after = relEnd + (text.slice(relEnd).match(/^,\s+/u)?.[0].length ?? 0);
        resume = head;
        from = after;
        continue;
      }
    }
    props.push(resume ? [resume, head] : [head]);
    resume = null;
    from = c.end;
  }
  props.push(resume ? [resume, { start: from, end: text.length }] : [{ start: from, end: text.length }]);
  const size = (p: ClauseSpan[]) => p.reduce((n, x) => n + wordCount(text.slice(x.start, x.end)), 0);
  const merged: ClauseSpan[][] = [];
  for (const p of props.filter((q) => size(q) > 0)) {
    const last = merged[merged.length - 1];
    if (last && (size(p) < MIN_WORDS || size(last) < MIN_WORDS)) last.push(...p);
    else merged.push([...p]);
  }
  return merged.map((p) => p.map((x) => trim(text, x)).filter((x) => x.end > x.start));
}

function trim(text: string, p: ClauseSpan): ClauseSpan {
  let { start, end } = p;
  while (start < end && /[\s,;:"“”‘’'—–(]/u.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–(]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * Which of a claim's terms each clause holds: a term goes to the clauses whose words carry it (a stem, a number, an
 * actor's name part), and a term found in none (a lemma the text spells otherwise, "paid" for "pay") to every clause.
 */
export function termsByClause(text: string, clauses: ClauseSpan[][], terms: string[]): string[][] {
  if (clauses.length < 2) return [terms];
  const words = clauses.map((c) =>
    (
      c
        .map((x) => text.slice(x.start, x.end))
        .join(" ")
        .toLowerCase()
        .match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? []
    ).map((w) => w.replace(/[’']s$/, "").replace(/,/g, "")),
  );
  const forms = words.map((ws) => {
    const set = new Set<string>();
    for (const w of ws) set.add(w).add(stem(w));
    return set;
  });
  const out: string[][] = clauses.map(() => []);
  for (const t of terms) {
    const probes = t.startsWith("@")
      ? t
          .slice(1)
          .split("-")
          .filter((p) => p.length > 2)
      : [t];
    const hit: number[] = [];
    for (let i = 0; i < forms.length; i++) {
      // A stem the stemmer spells otherwise for an inflected form ("sue" for "sued") is found as a word's start.
      if (probes.some((p) => forms[i]!.has(p) || (p.length >= 3 && words[i]!.some((w) => w.startsWith(p)))))
        hit.push(i);
    }
    for (const i of hit.length ? hit : clauses.map((_, k) => k)) out[i]!.push(t);
  }
  // The names of the first clause (most often its subject) are participants of the clauses after it too: "X, who is
  // running for the Senate, faced …" says of X that he is running; "X resigned and said …" that X said it.
  let first = 0;
  clauses.forEach((c, k) => {
    if (c[0]!.start < clauses[first]![0]!.start) first = k;
  });
  for (const t of out[first]!)
    if (t.startsWith("@")) for (const o of out) if (o !== out[first] && !o.includes(t)) o.push(t);
  return out;
}
