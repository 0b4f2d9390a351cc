// Quoted documents (issue 13, prompts that are true): a letter or statement whose later paragraphs carry no quotation
// marks is quoted voice, so its words never count as the outlet's markers nor as the author's claims.
import { describe, expect, it } from "vitest";
import { analyse } from "#app/analysis/index";
import { tokenize } from "#app/analysis/nlp";
import { documentStretches } from "#app/analysis/quoted-documents";

const LETTER = [
  "The harbour board of Tolvar received a letter from the fishers' union on Monday. Its chair, Mara Oskarsen, wrote in the letter:",
  "We have clearly waited long enough for the new quay. Our boats cannot dock in winter.",
  "Indeed, we will certainly ask the council to act before the storms, and you must answer us.",
  "The board meets again on Thursday to discuss the quay and the winter schedule for the ferries.",
].join("\n\n");

const OPEN_CLOSED_LATER = [
  "Ivo Brandt, a ferry captain, sent the council a note about the quay on Friday.",
  "“The quay is unsafe in winter and the council has known it for years.",
  "It is clearly time to act. The crews certainly deserve better than this.”",
  "The council has not replied to the note, according to its clerk, and meets in June.",
].join("\n\n");

function writerBoosters(text: string): string[] {
  return analyse(text)
    .markers.filter((m) => m.type === "booster" && m.voice === "writer")
    .map((m) => m.text.toLowerCase());
}

describe("quoted documents", () => {
  it("treats the unmarked paragraphs of a letter introduced with a colon as quoted voice", () => {
    expect(writerBoosters(LETTER)).toEqual([]);
    const a = analyse(LETTER);
    expect(a.markers.filter((m) => m.type === "booster" && m.voice === "quoted").length).toBeGreaterThanOrEqual(3);
    // The letter's sentences are not the author's claims; the outlet's last paragraph is.
    const authored = a.claims.filter((c) => c.rule === "claim.author").map((c) => c.text);
    expect(authored.some((t) => t.includes("waited long enough"))).toBe(false);
    expect(authored.some((t) => t.includes("board meets again"))).toBe(true);
  });

  it("ends the letter where the outlet reports again in the third person", () => {
    const tok = tokenize(LETTER);
    const [s] = documentStretches(LETTER, tok.paragraphs);
    expect(LETTER.slice(s!.start, s!.end)).toMatch(/^We have clearly/);
    expect(LETTER.slice(s!.start, s!.end)).toMatch(/answer us\.$/);
  });

  it("treats a quotation opened at one paragraph's start and closed at a later paragraph's end as one quotation", () => {
    expect(writerBoosters(OPEN_CLOSED_LATER)).toEqual([]);
  });

  it("keeps the outlet's own paragraphs after a colon that introduces no document", () => {
    const text = [
      "The council listed three reasons for the delay:",
      "The quay is clearly too short for the new ferries, and the storms damaged its wall in March.",
    ].join("\n\n");
    expect(writerBoosters(text)).toEqual(["clearly"]);
    expect(documentStretches(text, tokenize(text).paragraphs)).toEqual([]);
  });
});
