// Non-responses and the writer's own hedges are read with the attributions but set apart: a "no comment" item names
// who gave it and counts as neither an attribution nor a source; PolNeAR's adapter still scores them as attributions.
import { describe, expect, it } from "vitest";
import { analyseSourcing } from "#app/analysis/sourcing";
import { polnearAttributions } from "../../../scripts/lib/sourcing-eval";

const slice = (text: string, s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

describe("non-responses are “no comment” items, not attributions or sources", () => {
  it.each([
    ["A spokesman for the harbour board declined to comment.", "A spokesman for the harbour board", "declined"],
    ["Councillor Piet Amsel did not respond to a request for comment.", "Councillor Piet Amsel", "respond"],
    ["The ferry company didn't return calls seeking comment on Monday.", "The ferry company", "return"],
    ["Judge Mira Okonjo refused to discuss the ruling.", "Judge Mira Okonjo", "refused"],
    ["Councillor Piet Amsel could not be reached on Sunday.", "Councillor Piet Amsel", "could not be reached"],
    ["The union was not available for comment.", "The union", "was not available for comment"],
  ])("%s", (text, who, cue) => {
    const r = analyseSourcing(text);
    expect(r.attributions).toHaveLength(0);
    expect(r.sources).toHaveLength(0);
    expect(r.asides).toHaveLength(1);
    expect(r.asides[0]!.type).toBe("no_comment");
    expect(slice(text, r.asides[0]!.who)).toBe(who);
    expect(slice(text, r.asides[0]!.cue)).toBe(cue);
  });

  it("names the source it resolves to when that source is quoted elsewhere, and keeps its count unchanged", () => {
    const text =
      "Mayor Lena Torvik said the bridge would reopen in May. Later, Torvik declined to comment on the cost.";
    const r = analyseSourcing(text);
    expect(r.attributions).toHaveLength(1);
    expect(r.sources).toHaveLength(1);
    expect(r.sources[0]!.attributionIds).toHaveLength(1);
    expect(r.asides[0]).toMatchObject({ type: "no_comment", sourceKey: r.sources[0]!.key, whoName: "Lena Torvik" });
  });

  it("a refusal to say something is still said is an attribution (“declined to say that …” is not one)", () => {
    const r = analyseSourcing("Councillor Piet Amsel said he would not comment on the budget until June.");
    expect(r.attributions).toHaveLength(1);
    expect(r.asides).toHaveLength(0);
  });

  it("“respond” without a negation just before it is not a non-response", () => {
    const r = analyseSourcing("Councillor Piet Amsel responded to the request for a new pier with a letter.");
    expect(r.asides).toHaveLength(0);
    expect(r.attributions).toHaveLength(1);
  });

  it("a refusal inside someone's speech is part of that speech, not a “no comment” of its own", () => {
    const r = analyseSourcing("His lawyer, Ilse Brandt, said he would not answer questions.");
    expect(r.attributions).toHaveLength(1);
    expect(r.asides).toHaveLength(0);
  });

  it("the PolNeAR adapter scores refusals and hedges as attributions, but not “could not be reached”", () => {
    const text =
      "Councillor Piet Amsel declined to comment. The plan seems to be failing. The union could not be reached.";
    const r = analyseSourcing(text);
    expect(r.attributions).toHaveLength(0);
    expect(r.asides.map((x) => x.type)).toEqual(["no_comment", "hedge", "no_comment"]);
    expect(polnearAttributions(r).map((a) => a.rule)).toEqual(["nocomment.declined", "unnamed.seem"]);
  });
});
