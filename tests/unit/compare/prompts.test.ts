import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyse } from "#app/analysis/index";
import {
  compareArticles,
  plainDescription,
  surelyOther,
  type Comparison,
  type CompareInput,
} from "#app/compare/compare";
import { discussionPrompts, MAX_PROMPTS, MIN_PROMPTS, sameProposition, voiceCandidates } from "#app/compare/prompts";
import templates from "#app/compare/prompt-templates.json";

// The three fictional tutorial reports (app/demo/tutorial), analysed and compared as the app does.
const dir = path.resolve(import.meta.dirname, "../../../app/demo/tutorial");
const manifest = JSON.parse(fs.readFileSync(path.join(dir, "articles.json"), "utf8")) as {
  articles: { file: string; title: string; outlet: string; url: string; published: string }[];
};
let inputs: CompareInput[];
let comparison: Comparison;
const blind = new Map([
  [1, "Article A"],
  [2, "Article B"],
  [3, "Article C"],
]);

beforeAll(() => {
  inputs = manifest.articles.map((a, i) => ({
    id: i + 1,
    title: a.title,
    outlet: a.outlet,
    url: a.url,
    published: a.published,
    analysis: analyse(fs.readFileSync(path.join(dir, a.file), "utf8"), { title: a.title }),
  }));
  comparison = compareArticles(inputs, { focalId: 1 });
});

describe("discussion prompts", () => {
  it("asks three to six questions, each citing spans of the compared articles", () => {
    const prompts = discussionPrompts(comparison, blind);
    expect(prompts.length).toBeGreaterThanOrEqual(MIN_PROMPTS);
    expect(prompts.length).toBeLessThanOrEqual(MAX_PROMPTS);
    for (const p of prompts) {
      expect(p.text).toMatch(/\?$/);
      expect(p.evidence.length).toBeGreaterThan(0);
      for (const t of p.evidence) {
        expect([1, 2, 3]).toContain(t.articleId);
        expect(t.span.end).toBeGreaterThan(t.span.start);
      }
      // The article named first has the spans behind its number (the other may have none: 0 hedges).
      expect(p.evidence.some((t) => t.articleId === p.articles[0])).toBe(true);
    }
    expect(new Set(prompts.map((p) => p.id)).size).toBe(prompts.length);
  });

  it("names articles only by the labels given: no outlet name in blind mode", () => {
    const prompts = discussionPrompts(comparison, blind);
    const text = prompts.map((p) => p.text).join("\n");
    expect(text).toMatch(/Article [ABC]/);
    for (const a of manifest.articles) {
      expect(text).not.toContain(a.outlet);
      expect(text).not.toContain(a.url);
    }
    const named = discussionPrompts(comparison, new Map(inputs.map((a) => [a.id, a.outlet!])));
    expect(named.map((p) => p.template)).toEqual(prompts.map((p) => p.template));
    expect(named.map((p) => p.text).join("\n")).toContain(manifest.articles[0]!.outlet);
  });

  it("is built from the largest differences, and includes the claim matrix when an article asserts what another attributes", () => {
    const prompts = discussionPrompts(comparison, blind);
    expect(prompts.some((p) => p.template.startsWith("claim-"))).toBe(true);
    expect(prompts.some((p) => p.template === "unnamed-share" || p.template === "hedge-density")).toBe(true);
  });

  it("keeps every template a neutral question without verdict words", () => {
    for (const [id, t] of Object.entries(templates.templates)) {
      expect(t, id).toMatch(/\?$/);
      expect(t, id).not.toMatch(
        /\b(biased?|propaganda|misleading|honest|dishonest|better|worse|fake|truthful|wrong)\b/i,
      );
    }
  });

  it("returns nothing to compare for a single article", () => {
    const one = compareArticles([inputs[0]!], { focalId: 1 });
    expect(discussionPrompts(one, blind)).toEqual([]);
  });

  it("states what each template checks, and quotes both articles' own words in claim prompts", () => {
    const checks = (templates as { checks?: Record<string, string> }).checks ?? {};
    for (const id of Object.keys(templates.templates)) expect(checks[id], id).toBeTruthy();
    const texts = new Map(
      inputs.map((x, i) => [x.id, fs.readFileSync(path.join(dir, manifest.articles[i]!.file), "utf8")]),
    );
    for (const p of discussionPrompts(comparison, blind)) {
      if (!/^claim-(attributed|unnamed|hedged|denied)$/.test(p.template)) continue;
      const quotes = [...p.text.matchAll(/“([^”]+)”/g)].map((m) => m[1]!.replace(/ …$/, ""));
      expect(quotes.length).toBeGreaterThanOrEqual(2);
      const [a, b] = p.articles;
      expect(texts.get(a!)!.replace(/\s+/g, " ")).toContain(quotes[0]!.split(" … ")[0]);
      expect(texts.get(b!)!.replace(/\s+/g, " ")).toContain(quotes[quotes.length - 1]!.split(" … ")[0]);
      // The attribution's source and cue are part of the evidence a reader can open.
      if (p.template !== "claim-hedged")
        expect(p.evidence.filter((t) => t.articleId === b).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("offers no claim prompt when the two claims are not close enough to be one proposition", () => {
    const loose: Comparison = {
      ...comparison,
      claimGroups: comparison.claimGroups.map((g) => ({
        ...g,
        cells: g.cells.map((c) => ({ ...c, similarity: g.cells.length > 1 ? 0.3 : 1 })),
        // Something close in another article: "only in one article" can no longer be said.
        closest:
          g.articles.length === 1
            ? [{ articleId: g.articles[0] === 1 ? 2 : 1, claimId: "c1", similarity: 0.2 }]
            : g.closest,
      })),
    };
    const prompts = discussionPrompts(loose, blind);
    expect(prompts.filter((p) => p.template.startsWith("claim-"))).toEqual([]);
    expect(prompts.length).toBeGreaterThanOrEqual(MIN_PROMPTS);
  });

  it("calls two quotes one claim only with the same polarity and most content words shared", () => {
    expect(
      sameProposition(
        "The port of Saltmere reopened on Monday after the strike.",
        "Saltmere's port reopened Monday, the union said",
      ),
    ).toBe(true);
    // A negation in one only: a different (here opposite) claim, however many words they share.
    expect(
      sameProposition(
        "An order closing the Saltmere port would start a court battle.",
        "you cannot close the Saltmere port with an order",
      ),
    ).toBe(false);
    // Same topic, different predicate and participants.
    expect(
      sameProposition("The port of Saltmere reopened on Monday.", "Dock workers in Saltmere voted to strike."),
    ).toBe(false);
  });

  it("offers an only-in prompt for the outlet's own whole sentences, never for a speaker's words or a fragment", () => {
    const only = comparison.claimGroups.filter((g) => g.articles.length === 1);
    // Make every single-article claim look like a speaker's words: no only-in prompt may remain.
    const quoted: Comparison = {
      ...comparison,
      claimGroups: comparison.claimGroups.map((g) =>
        only.includes(g)
          ? {
              ...g,
              closest: [],
              cells: g.cells.map((c) => ({ ...c, stance: "attributed" as const, attributionTrace: c.trace })),
            }
          : g,
      ),
    };
    expect(discussionPrompts(quoted, blind).filter((p) => p.template === "claim-only-in")).toEqual([]);
    for (const p of discussionPrompts(comparison, blind).filter((x) => x.template === "claim-only-in")) {
      const g = comparison.claimGroups.find((x) =>
        x.cells.some((c) =>
          p.text.includes(
            c.text
              .trim()
              .replace(/[.”"]+$/, "")
              .split(" ")
              .slice(0, 6)
              .join(" "),
          ),
        ),
      )!;
      expect(g.articles).toHaveLength(1);
      expect(g.cells[0]!.stance).toBe("asserted");
      expect(g.cells[0]!.text.trim()).toMatch(/[.!]["”’)]*$/);
    }
  });

  it("makes no voice-share prompt for a kind's unaffiliated sources where some of that kind have an affiliation", () => {
    const src = (
      articleId: number,
      key: string,
      kind: "politician" | "expert",
      affiliation: string | null,
      words: number,
    ) => {
      const trace = [{ articleId, span: { start: 0, end: 10 }, field: "body" as const }];
      return {
        key,
        name: key,
        kind,
        affiliation,
        named: true,
        attributions: { value: 1, trace },
        wordsQuoted: { value: words, trace },
      };
    };
    // The focal article quotes politicians, some with an affiliation; the others mostly an expert.
    const mixed: Comparison = {
      ...comparison,
      figures: comparison.figures.map((f) => ({
        ...f,
        sources:
          f.articleId === comparison.focalId
            ? [
                src(f.articleId, "Ann Vell", "politician", null, 60),
                src(f.articleId, "Bo Tarn", "politician", "Harbour", 40),
              ]
            : [src(f.articleId, "Cy Orm", "politician", null, 5), src(f.articleId, "Di Lusk", "expert", null, 80)],
      })),
    };
    const voice = voiceCandidates(mixed, (id) => `Article ${id}`);
    // "politician sources" would read as all of them (60 of 100 words here, where all politicians have 100 of 100).
    expect(voice.some((p) => / come from politician sources/.test(p.text))).toBe(false);
    // Nor "Harbour politician sources": Ann Vell and Cy Orm, with no affiliation given, may be Harbour's too.
    expect(voice.some((p) => /Harbour politician sources/.test(p.text))).toBe(false);
    // With every politician's affiliation given, the share is stated.
    const given: Comparison = {
      ...mixed,
      figures: mixed.figures.map((f) => ({
        ...f,
        sources: f.sources.map((s) => (s.kind === "politician" ? { ...s, affiliation: s.affiliation ?? "Tarnby" } : s)),
      })),
    };
    expect(voiceCandidates(given, (id) => `Article ${id}`).some((p) => /Harbour politician sources/.test(p.text))).toBe(
      true,
    );
  });

  it("makes no voice-share prompt where speakers' kinds are unknown, and no unnamed-share prompt where 'he' counts as unnamed", () => {
    const unknown: Comparison = {
      ...comparison,
      figures: comparison.figures.map((f) => ({
        ...f,
        sources: f.sources.map((s) => ({ ...s, kind: "other" as const })),
      })),
    };
    expect(discussionPrompts(unknown, blind).filter((p) => p.template === "voice-share")).toEqual([]);
    // The tutorial's third report also has sourceless unnamed attributions ("reportedly", "it is understood"), which
    // keep the unnamed-share prompt off (next test); counted only as its described sources, the share holds.
    const described: Comparison = {
      ...comparison,
      figures: comparison.figures.map((f) => ({
        ...f,
        unnamedAttributions: {
          ...f.unnamedAttributions,
          value: f.sources.filter((s) => !s.named).reduce((n, s) => n + s.attributions.value, 0),
        },
      })),
    };
    expect(discussionPrompts(described, blind).some((p) => p.template === "unnamed-share")).toBe(true);
    const he = {
      key: "he",
      name: "he",
      kind: "unnamed" as const,
      affiliation: null,
      named: false,
      attributions: { value: 2, trace: [] },
      wordsQuoted: { value: 0, trace: [] },
    };
    const pronouns: Comparison = {
      ...described,
      figures: described.figures.map((f) => ({
        ...f,
        sources: [...f.sources, he],
        unnamedAttributions: { ...f.unnamedAttributions, value: f.unnamedAttributions.value + 2 },
      })),
    };
    expect(discussionPrompts(pronouns, blind).filter((p) => p.template === "unnamed-share")).toEqual([]);
  });

  it("states an unnamed share or a cue count only when every item counted is what it says", () => {
    // An unnamed attribution with no source at all ("appeared to be …"): the unnamed count is no count of sources.
    const sourceless: Comparison = {
      ...comparison,
      figures: comparison.figures.map((f) => ({
        ...f,
        unnamedAttributions: { ...f.unnamedAttributions, value: f.unnamedAttributions.value + 1 },
      })),
    };
    expect(discussionPrompts(sourceless, blind).filter((p) => p.template === "unnamed-share")).toEqual([]);
    // Accusation cues that introduce no claim of the article (a charge, a crime's name): no cue count is stated.
    const f1 = comparison.figures[0]!;
    const fake = [0, 1].map((k) => ({ articleId: f1.articleId, span: { start: k, end: k + 1 } }));
    const charges: Comparison = {
      ...comparison,
      figures: comparison.figures.map((f) =>
        f === f1
          ? { ...f, cueStances: { ...f.cueStances, accusation: { value: 2, trace: fake } } }
          : { ...f, cueStances: { ...f.cueStances, accusation: { value: 0, trace: [] } } },
      ),
    };
    const cue = discussionPrompts(charges, blind).filter((p) => p.template === "cue-stance");
    expect(cue.some((p) => /accusation/.test(p.text))).toBe(false);
  });

  it("calls two quotes one claim only when they share what happens, not only who and when", () => {
    // A person, a year and "former" shared; being sued and settling a suit with public money are different claims.
    expect(
      sameProposition(
        "was sued by his former aide, Mara Lind, in 2019",
        "Dorin Vell used $40,000 in city funds to settle a lawsuit his former assistant, Mara Lind, had filed in 2019",
      ),
    ).toBe(false);
    expect(
      sameProposition("Dorin Vell's district is roughly 30 percent rural.", "his district is 30 percent rural"),
    ).toBe(true);
  });

  it("quotes an outlet's own voice only from a clause that starts a sentence and does not stop mid-clause", () => {
    const own = discussionPrompts(comparison, blind).filter((p) =>
      /^claim-(attributed|unnamed|hedged|denied)$/.test(p.template),
    );
    expect(own.length).toBeGreaterThan(0);
    // The same claims cut before a relative word ("…, which two people briefed on the matter have said") or taken from
    // mid-sentence: what the rest of the sentence does with them is unknown, so no claim prompt is offered.
    for (const cut of [
      (t: string) => t.replace(/[.!]?["”’]*\s*$/, ", which"),
      (t: string) => "and " + t.replace(/^\S+\s+/, ""),
    ]) {
      const changed: Comparison = {
        ...comparison,
        claimGroups: comparison.claimGroups.map((g) => ({
          ...g,
          cells: g.cells.map((c) => (c.stance === "asserted" ? { ...c, text: cut(c.text) } : c)),
        })),
      };
      expect(
        discussionPrompts(changed, blind).filter((p) => /^claim-(attributed|unnamed|hedged|denied)$/.test(p.template)),
      ).toEqual([]);
    }
  });

  it("names an article's most frequent frame only when it leads alone, on three frame words or more", () => {
    const frames = comparison.figures.map((f) => f.frameProfile);
    expect(discussionPrompts(comparison, blind).some((p) => p.template === "frame-top")).toBe(true);
    const hits = (articleId: number, n: number) =>
      Array.from({ length: n }, (_, k) => ({ articleId, span: { start: k * 10, end: k * 10 + 5 } }));
    const withProfile = (make: (articleId: number) => Partial<Comparison["figures"][number]["frameProfile"]>) => ({
      ...comparison,
      figures: comparison.figures.map((f, i) => ({
        ...f,
        frameProfile: Object.fromEntries(
          Object.keys(frames[i]!).map((k) => [
            k,
            make(f.articleId)[k as keyof typeof f.frameProfile] ?? { value: 0, trace: [] },
          ]),
        ) as typeof f.frameProfile,
      })),
    });
    // Article 1 ties economic and political (3 words each); the others lead clearly with crime and punishment.
    const tie = withProfile((id) =>
      id === 1
        ? { economic: { value: 0.5, trace: hits(id, 3) }, political: { value: 0.5, trace: hits(id, 3) } }
        : { crime_punishment: { value: 1, trace: hits(id, 5) } },
    );
    expect(discussionPrompts(tie, blind).filter((p) => p.template === "frame-top")).toEqual([]);
    // Article 1 leads with economic on two words only.
    const few = withProfile((id) =>
      id === 1
        ? { economic: { value: 1, trace: hits(id, 2) } }
        : { crime_punishment: { value: 1, trace: hits(id, 5) } },
    );
    expect(discussionPrompts(few, blind).filter((p) => p.template === "frame-top")).toEqual([]);
    const clear = withProfile((id) =>
      id === 1
        ? { economic: { value: 1, trace: hits(id, 3) } }
        : { crime_punishment: { value: 1, trace: hits(id, 5) } },
    );
    expect(discussionPrompts(clear, blind).some((p) => p.template === "frame-top")).toBe(true);
  });

  it("states no label class that rests on a name: a capitalised party word is no governance term", () => {
    const prompt = discussionPrompts(comparison, blind).find((p) => p.template === "label-vs-other");
    expect(prompt).toBeTruthy();
    const [, b] = prompt!.articles;
    const withDescriptor = (text: string): Comparison => ({
      ...comparison,
      naming: {
        ...comparison.naming,
        cells: comparison.naming.cells.map((cell) =>
          cell.articleId === b && cell.descriptors.length
            ? {
                ...cell,
                descriptors: cell.descriptors.map((d, i) =>
                  i === 0 ? { ...d, text, labelClass: "governance" as const } : d,
                ),
              }
            : cell,
        ),
      },
    });
    const labels = (c: Comparison) => discussionPrompts(c, blind).filter((p) => p.template.startsWith("label-"));
    expect(
      labels(withDescriptor("a democratic movement")).some((p) =>
        /“a democratic movement” \(governance term\)/.test(p.text),
      ),
    ).toBe(true);
    expect(labels(withDescriptor("a Democratic donor")).some((p) => /Democratic donor/.test(p.text))).toBe(false);
  });

  it("makes no 'media sources' voice share from a person typed media by trade, only from outlets", () => {
    const trace = (articleId: number) => [{ articleId, span: { start: 0, end: 10 }, field: "body" as const }];
    const src = (articleId: number, name: string, kind: "media" | "official", words: number) => ({
      key: name,
      name,
      kind,
      affiliation: null,
      named: true,
      attributions: { value: 1, trace: trace(articleId) },
      wordsQuoted: { value: words, trace: trace(articleId) },
    });
    // The focal article quotes at length someone its text calls "a documentary film producer" (kind media).
    const make = (name: string): Comparison => ({
      ...comparison,
      actors: [
        ...comparison.actors,
        {
          key: "harbour-gazette",
          name: "Harbour Gazette",
          kind: "organisation",
          variants: ["Harbour Gazette"],
          articles: [1],
          mentions: 1,
        } as Comparison["actors"][number],
      ],
      figures: comparison.figures.map((f) => ({
        ...f,
        sources:
          f.articleId === comparison.focalId
            ? [src(f.articleId, name, "media", 50), src(f.articleId, "Ola Brisk", "official", 50)]
            : [src(f.articleId, "Ola Brisk", "official", 60)],
      })),
    });
    const media = (c: Comparison) =>
      voiceCandidates(c, (id) => `Article ${id}`).filter((p) => / media sources/.test(p.text));
    expect(media(make("Ada Brenn"))).toEqual([]);
    expect(media(make("Harbour Gazette")).length).toBeGreaterThan(0);
  });
});

// Short fictional reports of one invented event, analysed as the app does.
function compareTexts(texts: string[]): Comparison {
  const inputs = texts.map((t, i) => ({
    id: i + 1,
    title: `Report ${i + 1}`,
    outlet: `Outlet ${i + 1}`,
    url: null,
    published: null,
    analysis: analyse(t, { title: `Report ${i + 1}` }),
    text: t,
  }));
  return compareArticles(inputs, { focalId: 1 });
}

const PLAIN =
  "The Saltmere ferry stopped running on Monday after a storm damaged the northern pier. Crews from the harbour office began repairs on Tuesday morning. The ferry carries about 900 passengers a day between Saltmere and Orlen Island. Local shops on the island reported fewer visitors during the week. The harbour office said the pier would be inspected again on Friday. Passengers were offered places on a smaller boat from the southern quay.";

describe("prompts on fictional reports", () => {
  const names = new Map([
    [1, "Outlet 1"],
    [2, "Outlet 2"],
  ]);
  const templatesOf = (texts: string[]) => discussionPrompts(compareTexts(texts), names).map((p) => p.template);

  it("counts no source's reporting verb as the writer's hedge ('the inspection report indicates that …')", () => {
    const sourced =
      "The Saltmere ferry stopped running on Monday after a storm damaged the northern pier. The harbour board's inspection report indicates that the pier's supports were already weak. A second survey indicates that repairs had been delayed twice since 2021. The ferry carries about 900 passengers a day between Saltmere and Orlen Island. Shops on the island may lose a month of trade, and the ferry could stay in port until May.";
    expect(templatesOf([sourced, PLAIN])).not.toContain("hedge-density");
    // The writer's own hedges in the same report: the prompt is offered.
    const own = sourced
      .replace("The harbour board's inspection report indicates that the pier's", "The pier's")
      .replace("A second survey indicates that repairs", "Repairs apparently");
    expect(templatesOf([own, PLAIN])).toContain("hedge-density");
  });

  it("counts no hedge adverb as a distancing reporting word ('the mayor reportedly told …')", () => {
    const reportedly =
      "The Saltmere ferry stopped running on Monday after a storm damaged the northern pier. The mayor reportedly told the council that the pier would stay closed for a month. The ferry company reportedly plans to cut its winter timetable. The harbour office said the pier would be inspected again on Friday. Passengers were offered places on a smaller boat from the southern quay.";
    expect(templatesOf([reportedly, PLAIN])).not.toContain("cue-stance");
    const claimed =
      "The Saltmere ferry stopped running on Monday after a storm damaged the northern pier. Councillor Ines Marrow claimed that the pier had been neglected for years. Shopkeeper Pavel Oster alleged that the harbour office ignored two warnings. The harbour office said the pier would be inspected again on Friday. Passengers were offered places on a smaller boat from the southern quay.";
    expect(templatesOf([claimed, PLAIN])).toContain("cue-stance");
  });

  it("states no unnamed share where an unnamed source is only 'the journalist' (maybe someone named above)", () => {
    const withSource = (who: string) =>
      `The Saltmere ferry stopped running on Monday after a storm damaged the northern pier. Harbour master Ines Marrow said the pier would reopen in May. Councillor Pavel Oster said repairs had been delayed twice since 2021. ${who} said the harbour board had ignored two warnings about the supports. ${who.replace(/^A /, "The ")} said crews had worked through the night to shore up the pier. Shopkeeper Lena Vost said trade on the island had halved.`;
    const named =
      "The Saltmere ferry stopped running on Monday after a storm damaged the northern pier. Harbour master Ines Marrow said the pier would reopen in May. Councillor Pavel Oster said repairs had been delayed twice since 2021. Shopkeeper Lena Vost said trade on the island had halved. Ferry captain Olek Brand said the boat itself was undamaged.";
    const indefinite = compareTexts([withSource("A journalist"), named]);
    expect(indefinite.figures[0]!.sources.filter((x) => !x.named && x.attributions.value > 0)).toHaveLength(1);
    expect(discussionPrompts(indefinite, names).map((p) => p.template)).toContain("unnamed-share");
    const definite = compareTexts([withSource("The journalist"), named]);
    const unnamed = definite.figures[0]!.sources.filter((x) => !x.named && x.attributions.value > 0);
    expect(unnamed.map((x) => x.mayBeNamed)).toEqual([true]);
    expect(discussionPrompts(definite, names).map((p) => p.template)).not.toContain("unnamed-share");
  });

  it("reads a description as surely unnamed only when plural, indefinite or counted", () => {
    for (const m of ["officials", "a spokesman", "One official", "two people", "police", "Senate aides", "some aides"])
      expect(surelyOther(m), m).toBe(true);
    for (const m of ["the journalist", "journalist", "the former president who led the country", "the witness"])
      expect(surelyOther(m), m).toBe(false);
  });

  it("says 'without such a label' only of an article that describes the actor in no other words either", () => {
    // Fictional reports: A labels the preacher, B describes him in words of its own, C only names him.
    const texts = [
      "On Sunday the extremist preacher Tomas Belric held a rally in Belmora. Police said Belric marched peacefully. Belric spoke for an hour.",
      "On Sunday, Tomas Belric, a preacher from Dunmore, held a rally in Belmora. Police said Belric marched peacefully. Belric spoke for an hour.",
      "On Sunday, Tomas Belric held a rally in Belmora. Police said Belric marched peacefully. Belric spoke for an hour.",
    ];
    const labels = new Map([
      [1, "Article A"],
      [2, "Article B"],
      [3, "Article C"],
    ]);
    const compared = (withText: boolean) =>
      compareArticles(
        texts.map((t, i) => ({
          id: i + 1,
          title: `Report ${i + 1}`,
          outlet: null,
          url: null,
          published: null,
          analysis: analyse(t),
          ...(withText ? { text: t } : {}),
        })),
        { focalId: 1 },
      );
    const none = (c: Comparison) =>
      discussionPrompts(c, labels)
        .filter((p) => p.template === "label-vs-none")
        .map((p) => p.articles[1]);
    const withText = compared(true);
    expect(
      withText.naming.cells.find((c) => c.articleId === 2 && c.actorKey.includes("belric"))?.describedOtherwise,
    ).toBe(true);
    expect(
      withText.naming.cells.find((c) => c.articleId === 3 && c.actorKey.includes("belric"))?.describedOtherwise,
    ).toBe(undefined);
    expect(none(withText)).toEqual([3]);
    // Without the texts nothing says B described him, so the older check stands.
    expect(none(compared(false))).toContain(2);
  });

  it("reads a description next to a name: an apposition or a noun phrase's words before it", () => {
    const at = (text: string, name: string) => {
      const start = text.indexOf(name);
      return plainDescription(text, { start, end: start + name.length });
    };
    expect(at("Ana Mire, the veteran donor, spoke.", "Ana Mire")).toBe("veteran donor");
    expect(at("Ana Mire, a donor who lives in Dunmore, spoke.", "Ana Mire")).toBe("donor");
    expect(at("Yesterday the veteran donor Ana Mire spoke.", "Ana Mire")).toBe("veteran donor");
    expect(at("The letter by Ana Mire was read.", "Ana Mire")).toBeNull();
    expect(at("Ana Mire spoke, and the crowd left.", "Ana Mire")).toBeNull();
    expect(at("It rained. Ana Mire spoke.", "Ana Mire")).toBeNull();
  });
});
