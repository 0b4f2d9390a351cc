import { describe, expect, it } from "vitest";
import { alignClaims, clauseLabel, termForms, verbatimPairs } from "#app/compare/claims-align";

const c = (articleId: number, claimId: string, text: string, terms: string) => ({
  articleId,
  claimId,
  text,
  terms: terms.split(" "),
});

describe("claim alignment", () => {
  it("groups claims of different articles sharing names, numbers and stems, and leaves others alone", () => {
    const groups = alignClaims([
      c(
        1,
        "c1",
        "The Korvath Front trained the cell that killed prosecutor Anton Braem.",
        "@korvath-front train cell kill prosecutor @anton-braem",
      ),
      c(
        2,
        "c1",
        "Prosecutor Anton Braem was killed by a cell trained by the Korvath Front, Tolvar says.",
        "prosecutor @anton-braem kill cell train @korvath-front",
      ),
      c(
        3,
        "c1",
        "Anton Braem's killers were trained by the Korvath Front.",
        "@anton-braem killer train @korvath-front",
      ),
      c(1, "c2", "The port reopened on 12 May.", "port reopen 12 may"),
      c(2, "c2", "Fishing boats left Saltmere at dawn.", "fish boat leave @saltmere dawn"),
    ]);
    const sizes = groups.map((g) =>
      g.members
        .map((m) => `${m.articleId}${m.claimId}`)
        .sort()
        .join(","),
    );
    expect(sizes).toEqual(["1c1,2c1,3c1", "1c2", "2c2"]);
    expect(groups[0]!.central.centrality).toBeGreaterThan(0.3);
  });

  it("keeps one claim per article in a group unless a claim is left alone", () => {
    const groups = alignClaims([
      c(1, "c1", "a", "@tolvar close border crossing"),
      c(1, "c2", "b", "@tolvar close border crossing friday"),
      c(2, "c1", "c", "@tolvar close border crossing"),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members.map((m) => `${m.articleId}${m.claimId}`).sort()).toEqual(["1c1", "1c2", "2c1"]);
  });

  it("never groups a claim with a negation with one without: 'will not pay' and 'will pay' are opposite propositions", () => {
    const terms = "@marenland pay harbour wall";
    const pair = (a: string, b: string) =>
      alignClaims([c(1, "c1", a, terms), c(2, "c1", b, terms)]).map((g) => g.members.length);
    expect(pair("Marenland will not pay for the harbour wall.", "Marenland will pay for the harbour wall.")).toEqual([
      1, 1,
    ]);
    expect(pair("Marenland won't pay for the harbour wall.", "Marenland will never pay for the harbour wall.")).toEqual(
      [2],
    );
    expect(pair("Marenland will pay for the harbour wall.", "Marenland agreed to pay for the harbour wall.")).toEqual([
      2,
    ]);
  });

  it("labels a group with its most central text cut at a clause boundary", () => {
    expect(
      clauseLabel(
        "The Korvath Front trained the cell that killed the prosecutor, officials in Tolvar said on Monday after a long inquiry.",
      ),
    ).toBe("The Korvath Front trained the cell that killed the prosecutor…");
    expect(clauseLabel("The port reopened on Monday.")).toBe("The port reopened on Monday.");
    expect(
      clauseLabel(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
      ).split(" "),
    ).toHaveLength(14);
  });

  it("handles 2,000 claims: every claim in exactly one group, the same groups on every run (speed: bench/framing.bench.ts)", () => {
    const claims = Array.from({ length: 2000 }, (_, i) =>
      c(i % 10, `c${i}`, "x", `t${i % 97} t${i % 89} t${i % 83} @a${i % 7} ${i % 50}`),
    );
    const groups = alignClaims(claims);
    const seen = groups.flatMap((g) => g.members.map((m) => `${m.articleId}:${m.claimId}`));
    expect(seen).toHaveLength(2000);
    expect(new Set(seen).size).toBe(2000);
    expect(alignClaims(claims).map((g) => g.members.map((m) => m.claimId).join(","))).toEqual(
      groups.map((g) => g.members.map((m) => m.claimId).join(",")),
    );
    // The timeout only guards against a hang on a loaded machine; the time itself is measured in bench/.
  }, 60_000);

  it("counts an actor named in two ways as shared through its name parts, and weighs its parts as one term", () => {
    expect(termForms("@cesar-sayoc-jr")).toEqual(["@cesar", "@sayoc"]);
    expect(termForms("fund-raiser")).toEqual(["fundraiser"]);
    const groups = alignClaims([
      c(
        1,
        "c1",
        "Police arrested Dorin Velasko of Saltmere on Friday.",
        "polic arrest @dorin-velasko-of-saltmere friday",
      ),
      c(2, "c1", "Velasko was arrested at his home.", "@velasko arrest home"),
    ]);
    // Only the arrest and one name part are shared: one name counts once, so the two claims stay apart (three terms needed).
    expect(groups).toHaveLength(2);
    const joined = alignClaims([
      c(
        1,
        "c1",
        "Police arrested Dorin Velasko in Saltmere after the fund-raiser.",
        "polic arrest @dorin-velasko @saltmere fund-raiser",
      ),
      c(2, "c1", "Velasko was arrested in Saltmere after a fundraiser.", "@velasko arrest @saltmere fundraiser"),
    ]);
    expect(joined).toHaveLength(1);
    const other = joined[0]!.members.find((m) => m !== joined[0]!.central)!;
    // Why they are grouped, in the other claim's own terms: the name, the place, the act and the event.
    expect(other.shared).toHaveLength(4);
    expect(other.shared).toContain(other.articleId === 1 ? "@dorin-velasko" : "@velasko");
  });

  it("links the same words in two outlets even when too short to share three terms, and not a mere shared phrase", () => {
    const claims = [
      c(1, "c1", "“She has the money.”", "money"),
      c(1, "c2", "Mayor Odile Fenn spoke in Varnia on Monday about the port.", "mayor @odile-fenn speak @varnia port"),
      c(2, "c1", "She’s got the money,” Fenn told the crowd.", "get money @fenn crowd"),
      c(2, "c2", "She has the money.", "money"),
      c(
        3,
        "c1",
        "Kell Ardmore spoke in Varnia on Monday about the harbour tax.",
        "@kell-ardmore speak @varnia harbour tax",
      ),
    ];
    expect(verbatimPairs(claims)).toEqual([[0, 3]]);
    const g = alignClaims(claims).find((x) => x.members.some((m) => m.articleId === 1 && m.claimId === "c1"))!;
    expect(g.members.map((m) => `${m.articleId}${m.claimId}`).sort()).toEqual(["1c1", "2c2"]);
  });
});
