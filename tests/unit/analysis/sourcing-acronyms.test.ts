// Acronym aliases match only as written: "is" is not IS, and a text that names no armed group gives no
// source an armed-group kind or affiliation.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import gazetteer from "#app/analysis/lexicons/gazetteer.json";
import { analyseSourcing } from "#app/analysis/sourcing";

const ARMED = (
  gazetteer.entries.organisations as { names: string[]; kind: string; affiliation: string | null }[]
).filter((o) => o.kind === "armed_group");
const ARMED_AFFILIATIONS = new Set(ARMED.map((o) => o.names[0]!));
const armedSources = (text: string) =>
  analyseSourcing(text).sources.filter(
    (s) => s.kind === "armed_group" || (s.affiliation !== null && ARMED_AFFILIATIONS.has(s.affiliation)),
  );

describe("acronym aliases match only as written", () => {
  it("a governor who is insistent, Mr. Schiff and Thursday are not an armed group", () => {
    const t = [
      "Governor Dana Holt, who is insistent on the budget, said the state would pay its share.",
      "Mr. Schiff said on Thursday that the inquiry would continue into the spring.",
      "Supporters of Mr. Varga said Friday that he had the votes.",
      "The businessman who had served as a liaison to the pastor's followers, Ofer Lind, said he was innocent.",
      "A Republican operative, Kim Ostrow, said the count was over.",
    ].join("\n\n");
    const r = analyseSourcing(t);
    expect(r.sources.length).toBeGreaterThanOrEqual(4);
    expect(armedSources(t).map((s) => s.name)).toEqual([]);
    for (const s of r.sources) expect(s.affiliation ?? "").not.toBe("ISIS");
  });
  it("the acronym as written still names the group", () => {
    const t =
      "An ISIS commander said the town had fallen. A spokesman for IS said in a statement that the road was closed.";
    const armed = armedSources(t);
    expect(armed.length).toBeGreaterThanOrEqual(1);
    expect(armed[0]!.affiliation).toBe("ISIS");
  });
});

describe("BASIL dev: no armed-group source in an article that names no armed group", () => {
  const dir = path.resolve(process.cwd(), "../shared/data/basil-dev/import");
  const have = fs.existsSync(dir);
  it.skipIf(!have)(
    "none",
    () => {
      const named = (text: string) =>
        ARMED.some((o) =>
          o.names.some((n) =>
            new RegExp(`(^|[^\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^\\p{L}]|$)`, "u").test(text),
          ),
        );
      const bad: string[] = [];
      let articles = 0;
      for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".json"))) {
        const { text } = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as { text: string };
        articles++;
        if (named(text)) continue;
        for (const s of armedSources(text)) bad.push(`${f}: ${s.name} (${s.kind}, ${s.affiliation})`);
      }
      expect(articles).toBeGreaterThan(100);
      expect(bad).toEqual([]);
    },
    120_000,
  );
  if (!have) it("skips: ../shared/data/basil-dev is absent", () => expect(have).toBe(false));
});
