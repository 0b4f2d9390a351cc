// Word choices listed per article: killings with and without an agent, causal-sequence words and variants of
// contested place names, each side's variant listed alike.
import { describe, expect, it } from "vitest";
import { analyse } from "#app/analysis/index";
import labels from "#app/analysis/lexicons/labels.json";

const lists = (text: string) => analyse(text).wordChoices.map((w) => [w.list, w.text, w.place ?? null]);

describe("word choices", () => {
  it("tells a killing with an agent from one without", () => {
    expect(lists("Korvath gunmen killed three guards.")).toEqual([["killing_agentive", "killed", null]]);
    expect(lists("Three guards were killed by Marenland troops.")).toEqual([["killing_agentive", "killed", null]]);
    expect(lists("Three guards were killed near the port.")).toEqual([["killing_agentless", "killed", null]]);
    expect(lists("Three guards died in clashes near the port.")).toEqual([["death_agentless", "died", null]]);
  });

  it("lists causal-sequence words, for every side alike", () => {
    expect(
      lists("Korvath called the raid retaliation; Marenland called it self-defence, in response to a provocation.").map(
        (x) => x[1],
      ),
    ).toEqual(["retaliation", "self-defence", "in response to", "provocation"]);
  });

  it("lists each variant of a contested place name with the place it names", () => {
    expect(lists("Settlers in Judea and Samaria met officials from the occupied West Bank.")).toEqual([
      ["place_name", "Judea and Samaria", "the West Bank"],
      ["place_name", "occupied West Bank", "the West Bank"],
    ]);
    expect(lists("Crowds gathered at the Temple Mount, which Muslims call the Haram al-Sharif, in al-Quds.")).toEqual([
      ["place_name", "Temple Mount", "the Temple Mount"],
      ["place_name", "Haram al-Sharif", "the Temple Mount"],
      ["place_name", "al-Quds", "Jerusalem"],
    ]);
  });

  it("gives every contested place at least two sides' variants", () => {
    for (const f of labels.wordChoices.place_names) expect(f.variants.length, f.place).toBeGreaterThanOrEqual(2);
  });
});
