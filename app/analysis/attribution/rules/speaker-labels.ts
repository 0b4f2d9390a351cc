import { lookupCue } from "../../cues";
import { endsWithQuote, isQuoteMark } from "../../quotes";
import { type AttributionContext, type RawAttribution, span, trimSpan } from "../context";
import { NOT_SPEAKER_LABELS } from "../word-sets";
import type { RuleFamily } from "../rule";

/** "NAME: words" at a paragraph start (transcripts, headline credits). */
export function speakerLabels(ctx: AttributionContext, out: RawAttribution[]): void {
  const { text, tok } = ctx;
  const tokens = tok.tokens;
  let ti = 0;
  for (const para of tok.paragraphs) {
    while (ti < tokens.length && tokens[ti]!.start < para.start) ti++;
    let k = ti;
    while (
      k < tokens.length &&
      (isQuoteMark(tokens[k]!.value) || tokens[k]!.value === "'") &&
      tokens[k]!.start < para.start + 2
    )
      k++;
    const first = k;
    let ok = true;
    while (k < tokens.length && tokens[k]!.end <= para.end && k < first + 5 && tokens[k]!.value !== ":") {
      const v = tokens[k]!.value;
      if (!/^[\p{Lu}\d]/u.test(v) && v !== "." && v !== "-" && v !== "’s" && v !== "'s") {
        ok = false;
        break;
      }
      k++;
    }
    if (!ok || k === first || k >= tokens.length || tokens[k]!.value !== ":" || tokens[k]!.end > para.end) continue;
    // "Correction:", "Update:", "The Latest:": editorial labels, not speakers.
    if (NOT_SPEAKER_LABELS.has(text.slice(tokens[first]!.start, tokens[k - 1]!.end).toLowerCase())) continue;
    // "Said Ellis: “…”", "Added the mayor: …": an inverted speech verb is the cue, the words after it the speaker.
    const verb = k - first >= 2 && k - first <= 4 ? lookupCue(tokens[first]!.lemma.toLowerCase()) : undefined;
    const inverted =
      !!verb &&
      verb.entry.class === "speech" &&
      /^(said|says|added|adds|asked|asks|wrote|writes|replied|replies|explained|explains|recalled|recalls|noted|notes)$/.test(
        ctx.lower[first]!,
      );
    // "The Gap Goes On:", "Stealth Over Health:": a section title of three or more words with a verb, article or preposition is no speaker.
    if (!inverted && k - first >= 3) {
      let fn = false;
      for (let m = first; m < k; m++)
        if (
          tokens[m]!.pos === "DET" ||
          tokens[m]!.pos === "ADP" ||
          tokens[m]!.pos === "VERB" ||
          tokens[m]!.pos === "AUX"
        )
          fn = true;
      if (fn) continue;
    }
    const c = trimSpan(text, tokens[k]!.end, para.end);
    if (!c) continue;
    if (text.slice(c.start, c.end).split(/\s+/).length < 3) continue;
    let end = c.end;
    if (endsWithQuote(text, end) && !ctx.quotes.byEnd.has(end)) end -= text[end - 1] === "'" ? 2 : 1;
    const content = trimSpan(text, c.start, end) ?? c;
    out.push({
      kind: /[“”"]/.test(text.slice(content.start, content.end)) ? "mixed" : "direct",
      sourceTok: [inverted ? first + 1 : first, k - 1],
      source: span(ctx, inverted ? first + 1 : first, k - 1),
      cue: inverted ? span(ctx, first, first) : span(ctx, k, k),
      cueLemma: inverted ? verb!.entry.cue : ":",
      cueClass: inverted ? "speech" : "punct",
      cueStance: inverted ? verb!.entry.stance : "neutral",
      content: [content],
      rule: "quote.speaker-label",
      evidence: [
        inverted
          ? `inverted speech verb “${tokens[first]!.value}” before the speaker and a colon`
          : "speaker label before a colon",
      ],
    });
  }
}

/** The rules of this family: id, one sentence and worked examples (rules/examples.ts). */
export const FAMILY: RuleFamily = {
  family: "speaker-labels",
  document: [{ id: "speakerLabels", produces: ["quote.speaker-label"], run: speakerLabels }],
  rules: [
    {
      id: "quote.speaker-label",
      description:
        "A paragraph that opens with a capitalised speaker label and a colon (transcripts, headlines), or with an inverted speech verb, the speaker and a colon (“Said Ellis: …”).",
      examples: [
        {
          text: "Pell: The fund is empty and we all know it.\n\nBrandt: That is not true.",
          expect: { source: "Pell", cue: ":", content: "The fund is empty and we all know it" },
        },
        {
          text: "Said Brandt: “We will rebuild the bridge.”",
          expect: { source: "Brandt", cue: "Said", content: "“We will rebuild the bridge.”" },
        },
      ],
    },
  ],
};
