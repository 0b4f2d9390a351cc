// Every quotation style gives the same attributions: texts of our own rewritten from the American style
// (one code unit for one, so offsets are equal), apostrophes that never open or close a quotation, scare
// quotes counted once, and the PolNeAR dev texts rewritten in the British style scored within a point.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyseSourcing } from "#app/analysis/sourcing";
import { normaliseQuoteStyle, quoteSegments } from "#app/analysis/quotes";
import { splitParagraphs } from "#app/analysis/nlp";
import { POLNEAR_DIR, evalPolnear } from "../../../scripts/lib/sourcing-eval";
import {
  toBritish,
  toBritishStraight,
  toCorner,
  toGuillemets,
  toLowHigh,
  toReversedGuillemets,
} from "./sourcing-style-rewrite";

const TEXTS = [
  `“We will rebuild the bridge by spring,” said Mara Linde, the mayor of Eastvale. She added that the council “has the money”.\n\nThe engineer Tomas Brek said: “The river authority called it ‘a slow flood’ in the '90s, and the Northfield Gazette's readers don't agree.”\n\n“It is the first part.\n\n“It is the second part,” Brek said.`,
  `Residents of Dunmore met on Monday. “The water rose in an hour,” said Ilse Varga, who runs the bakery. “We lost the ovens.”\n\nThe council's spokesman, Ewan Roth, said the pumps had failed. “Nobody warned us,” Varga said, “not the council and not the river board.”`,
  `The Brightwater Ledger reported that the vote was close. “This is not the end,” the opposition leader Aino Kask told reporters. Interior minister Pavel Dorn said: “The count was fair and the observers agree.”`,
];

const sig = (t: string) =>
  analyseSourcing(t).attributions.map((a) => ({
    kind: a.kind,
    rule: a.rule,
    source: a.source,
    cue: a.cue,
    content: a.content,
  }));

describe("every quotation style gives the same attributions", () => {
  const styles = {
    british: toBritish,
    britishStraight: toBritishStraight,
    guillemets: toGuillemets,
    reversedGuillemets: toReversedGuillemets,
    lowHigh: toLowHigh,
    corner: toCorner,
  };
  TEXTS.forEach((t, n) => {
    const american = sig(t);
    it(`text ${n + 1} finds direct quotations in the American style`, () => {
      expect(american.filter((a) => a.kind === "direct").length).toBeGreaterThanOrEqual(2);
    });
    for (const [name, f] of Object.entries(styles)) {
      it(`text ${n + 1} in the ${name} style`, () => {
        const r = f(t);
        expect(r).not.toBe(t);
        expect(r.length).toBe(t.length);
        expect(sig(r)).toEqual(american);
      });
    }
  });
});

describe("apostrophes and single marks", () => {
  const norm = (t: string) => normaliseQuoteStyle(t, splitParagraphs(t));
  it("reads British single-outer, double-inner nesting as the American one", () => {
    expect(norm("‘He called it “a farce”,’ she said.")).toBe("“He called it ‘a farce’,” she said.");
    expect(norm(`'He called it "a farce",' she said.`)).toBe("“He called it ‘a farce’,” she said.");
  });
  it("never takes don't, the '90s or Hamas' leaders for a quotation mark", () => {
    for (const t of [
      "In the '90s the plant closed.",
      "We don't know and they won't say.",
      "Hamas' leaders and Fatah's met.",
      "Rock 'n' roll 'til dawn.",
    ])
      expect(norm(t)).toBe(t);
    expect(norm("‘Hamas' leaders met Fatah's,’ she said.")).toBe("“Hamas' leaders met Fatah's,” she said.");
    expect(norm("‘In the '90s we didn’t,’ he said.")).toBe("“In the '90s we didn’t,” he said.");
  });
  it("leaves American text exactly as it is", () => {
    for (const t of TEXTS) expect(norm(t)).toBe(t);
  });
  it("a single mark never closed, and not continued, is not a quotation", () => {
    const t = "The 'long count begins.\n\nNothing else.";
    expect(norm(t)).toBe(t);
  });
  it("continues a single-mark quotation across paragraphs only when the next paragraph opens with a mark", () => {
    expect(norm("‘First part.\n\n‘Second part,’ she said.")).toBe("“First part.\n\n“Second part,” she said.");
  });
  it("counts a scare quote once in either style", () => {
    const t = "The plan, which critics call a “land grab”, passed. “We won,” said Aino Kask.";
    const seg = (s: string) => quoteSegments(s, splitParagraphs(s)).map((q) => [q.outer.start, q.outer.end]);
    expect(seg(toBritish(t))).toEqual(seg(t));
    expect(seg(t)).toHaveLength(2);
  });
});

describe("PolNeAR dev rewritten in the British style", () => {
  const have = fs.existsSync(path.join(POLNEAR_DIR, "text"));
  it.skipIf(!have)(
    "scores within one point of the original (content and end-to-end F1 at overlap 0.3)",
    () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-british-"));
      try {
        for (const e of fs.readdirSync(POLNEAR_DIR))
          if (e !== "text") fs.symlinkSync(path.join(POLNEAR_DIR, e), path.join(tmp, e));
        fs.mkdirSync(path.join(tmp, "text"));
        let changed = 0;
        for (const f of fs.readdirSync(path.join(POLNEAR_DIR, "text"))) {
          const t = fs.readFileSync(path.join(POLNEAR_DIR, "text", f), "utf8");
          const b = toBritish(t);
          if (b !== t) changed++;
          fs.writeFileSync(path.join(tmp, "text", f), b);
        }
        expect(changed).toBeGreaterThan(50);
        const orig = evalPolnear(POLNEAR_DIR);
        const brit = evalPolnear(tmp);
        expect(brit.contentF1At03).toBeGreaterThanOrEqual(orig.contentF1At03 - 0.01);
        expect(brit.endToEndF1At03).toBeGreaterThanOrEqual(orig.endToEndF1At03 - 0.01);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    },
    120_000,
  );
  if (!have) it("skips: ../shared/data/polnear-dev is absent", () => expect(have).toBe(false));
});
