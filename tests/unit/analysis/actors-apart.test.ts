// Actors kept apart: a person is never merged into an organisation or a place, an organisation's last word is
// not a surname, an affiliate keeps its own name, and merging needs a listed alias, a name-part match within
// the same kind or an explicit equation in the text.
import { describe, expect, it } from "vitest";
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { detectActors } from "#app/analysis/actors";
import { analyse } from "#app/analysis/index";
import { compareArticles } from "#app/compare/compare";

function keys(text: string): [string, string][] {
  return detectActors(text, toWords(tokenize(text))).mentions.map((m) => [m.surface, m.actorKey]);
}

describe("actors kept apart", () => {
  it("House is not the White House, and a bank's last word is no surname", () => {
    const k = keys(
      "The White House said the bill would pass. The House voted on Friday, and the Saltmere Harbour Bank said Harbour traders agreed.",
    );
    expect(k).toContainEqual(["White House", "white-house"]);
    expect(k).toContainEqual(["House", "house"]);
  });

  it("a person is never an organisation's short name: a title or 'he' marks the person", () => {
    expect(keys("The Varga Organization paid the fees. President Varga said nothing.")).toEqual([
      ["Varga Organization", "varga-organization"],
      ["Varga", "varga"],
    ]);
    expect(keys("Varga Holdings lawyers met on Monday. Varga said he knew nothing.").map((x) => x[1])).toEqual([
      "varga-holdings",
      "varga",
    ]);
    // Without either, the short name still joins the organisation (Halberd → Halberd Chemical Works).
    expect(keys("Halberd Chemical Works denied it. Halberd said the spill was small.").map((x) => x[1])).toEqual([
      "halberd-chemical-works",
      "halberd-chemical-works",
    ]);
  });

  it("a surname joins the full name of a person, not a place or an organisation", () => {
    expect(keys("Ilse Varga met envoys. Varga left.").map((x) => x[1])).toEqual(["ilse-varga", "ilse-varga"]);
    expect(keys("Officials in the Korvath Valley met. Valley residents left.").map((x) => x[1])).not.toContain(
      "korvath-valley-valley",
    );
  });

  it("an affiliate keeps its own name: Sinai Province is not ISIS", () => {
    const k = keys(
      "ISIS praised its Sinai Province on Monday. Wilayat Sinai said it had struck. The Islamic State did not comment.",
    );
    expect(k).toEqual([
      ["ISIS", "isis"],
      ["Sinai Province", "sinai-province"],
      ["Wilayat Sinai", "sinai-province"],
      ["Islamic State", "isis"],
    ]);
  });

  it("a state is not merged into its leader, nor a person into an organisation across articles", () => {
    const a = analyse(
      "Russia said the talks went well. Vladimir Putin left Moscow, and Putin returned on Friday. Russia and the Kremlin agreed.",
    );
    const b = analyse("President Varga spoke on Tuesday. Varga said he would resign.");
    const c = analyse("The Varga Organization paid the fees. Varga Organization lawyers met.");
    const cmp = compareArticles(
      [a, b, c].map((analysis, i) => ({ id: i + 1, title: "t", outlet: null, url: null, published: null, analysis })),
      { focalId: 1 },
    );
    const russia = cmp.actors.find((x) => x.key === "russia")!;
    expect(russia.variants).not.toContain("Putin");
    // A seat of government is its own actor, as the White House is.
    expect(russia.variants).not.toContain("Kremlin");
    expect(cmp.actors.find((x) => x.key === "vladimir-putin")?.kind).toBe("person");
    const varga = cmp.actors.find((x) => x.variants.includes("Varga") && x.kind === "person");
    expect(varga?.key).not.toBe("varga-organization");
  });
});

describe("states known by name", () => {
  it("knows every gazetteer state by its name, but leaves a person's surname to the surname rule", () => {
    expect(keys("Officials said Ukraine and Yemen had agreed.").map((x) => x[1])).toEqual(["ukraine", "yemen"]);
    expect(keys("Rep. Tomas Jordan said the plan failed. Jordan said he would vote no.").map((x) => x[1])).toEqual([
      "tomas-jordan",
      "tomas-jordan",
    ]);
  });
});
