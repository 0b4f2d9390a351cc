// The mirror suite: templates written for Parallax, filled with the actors of several conflicts and sides
// (Israel and Hamas, Egypt and the Muslim Brotherhood, Russia and Ukraine, a fictional government and
// protest movement). Two properties for the layers of naming, labels, sentiment and actors:
// 1. swapping the referents changes nothing else: what the text says of A is recorded for B after the swap;
// 2. mirror wording (each side's word for the same kind of thing) is marked alike.
import { describe, expect, it } from "vitest";
import { analyse, type ArticleAnalysis } from "#app/analysis/index";
import { MARKED_LABEL_CLASSES } from "#app/analysis/naming";

interface Side {
  name: string;
  /** Surfaces the analysis records for this side (name and, for states, the demonym). */
  surfaces: string[];
}

const PAIRS: [Side, Side][] = [
  [
    { name: "Israel", surfaces: ["Israel"] },
    { name: "Hamas", surfaces: ["Hamas"] },
  ],
  [
    { name: "Egypt", surfaces: ["Egypt"] },
    { name: "Muslim Brotherhood", surfaces: ["Muslim Brotherhood"] },
  ],
  [
    { name: "Russia", surfaces: ["Russia"] },
    { name: "Ukraine", surfaces: ["Ukraine"] },
  ],
  [
    { name: "Tolvar Council", surfaces: ["Tolvar Council"] },
    { name: "Saltmere Protest Front", surfaces: ["Saltmere Protest Front"] },
  ],
];

const TEMPLATES = [
  "{A} militants attacked a checkpoint on Monday, and {B} troops killed three of them.",
  "The {A} regime said on Tuesday that {B} was a terrorist group.",
  "Officials met {A}, which {B} designates a terrorist organisation, in Brenhold on Monday.",
  "Critics described {A} as a resistance movement, while {B} called the claim false.",
  "{A} forces shelled the town of Esterhollow, and {B} fighters died in clashes.",
  "{A} and other armed groups rejected the plan that {B} announced.",
  "Diplomats said {A} is a legitimate government and {B} is an illegitimate one.",
  "The so-called {A} leadership blamed {B} for the deaths of hostages and prisoners.",
  "Supporters of {A} called the strike retaliation, and {B} called it self-defence.",
  "Mourners said {A} martyrs and {B} heroes were buried on the same day.",
  "The outlawed {A} met envoys of the Iran-backed {B} in Brenhold.",
  "{A} officials said the occupation had ended; {B} officials said it had not.",
];

function fill(t: string, a: string, b: string): string {
  const cap = (s: string, at: number) => (at === 0 ? s[0]!.toUpperCase() + s.slice(1) : s);
  return t.replace(/\{A\}/g, (_m, at: number) => cap(a, at)).replace(/\{B\}/g, (_m, at: number) => cap(b, at));
}

function keyOf(a: ArticleAnalysis, side: Side): string | null {
  const m = a.mentions.find((x) => side.surfaces.includes(x.surface));
  return m?.actorKey ?? null;
}

/** What one analysis records for one side, with that side's own names replaced by a placeholder. */
function layersFor(a: ArticleAnalysis, text: string, side: Side, other: Side) {
  const key = keyOf(a, side);
  const scrub = (s: string) => [...side.surfaces, ...other.surfaces].reduce((x, n) => x.split(n).join("<name>"), s);
  if (!key) return null;
  return {
    mentions: a.mentions.filter((m) => m.actorKey === key).length,
    descriptors: a.descriptors
      .filter((d) => d.actorKey === key)
      .map((d) => [scrub(d.text), d.labelClass, d.rule, d.labels.map((l) => l.labelClass).join("+")]),
    sentiment: a.sentiment.find((s) => s.actorKey === key)?.mean ?? null,
    // Every descriptor span points at its words.
    spansTrue: a.descriptors.every((d) => text.slice(d.span.start, d.span.end) === d.text),
  };
}

describe("mirror suite: swapping referents changes nothing else", () => {
  for (const [A, B] of PAIRS) {
    it(`${A.name} ⇄ ${B.name}`, () => {
      let descriptorsSeen = 0;
      for (const t of TEMPLATES) {
        const one = fill(t, A.name, B.name);
        const two = fill(t, B.name, A.name);
        const x = analyse(one);
        const y = analyse(two);
        // What the first text records for A, the swapped text records for B, and the other way round.
        const ax = layersFor(x, one, A, B);
        const by = layersFor(y, two, B, A);
        const bx = layersFor(x, one, B, A);
        const ay = layersFor(y, two, A, B);
        expect(ax, `${one} / ${two}`).not.toBeNull();
        expect(bx, `${one} / ${two}`).not.toBeNull();
        expect(by, `${two}`).toEqual(ax);
        expect(ay, `${two}`).toEqual(bx);
        descriptorsSeen += ax!.descriptors.length + bx!.descriptors.length;
      }
      // The templates exercise the naming layer, not only empty lists.
      expect(descriptorsSeen).toBeGreaterThanOrEqual(12);
    });
  }
});

describe("mirror suite: each side's word for the same thing is marked alike", () => {
  const classFor = (text: string, surface: string) => {
    const a = analyse(text);
    const key = a.mentions.find((m) => m.surface === surface)?.actorKey;
    return a.descriptors.filter((d) => d.actorKey === key).map((d) => d.labelClass);
  };
  const WORDINGS: [string, string, string][] = [
    // [template with {W}, word of one side, word of the other]
    ["Officials said Korvath {W} killed three people near the border.", "militants", "troops"],
    ["Officials said Korvath {W} killed three people near the border.", "fighters", "soldiers"],
    ["Officials said Korvath {W} killed three people near the border.", "gunmen", "forces"],
    ["Envoys said Korvath {W} had attacked the port.", "terrorists", "war criminals"],
    ["Envoys said the {W} Korvath Front had attacked the port.", "Islamist", "Zionist"],
    ["Envoys said the {W} Korvath Front had attacked the port.", "ultra-Orthodox", "Salafi"],
    ["Envoys said the {W} Korvath Front had attacked the port.", "extremist", "far-right"],
    ["Envoys said the {W} Korvath Front had attacked the port.", "Iran-backed", "US-backed"],
    ["Envoys said the {W} Korvath Front had attacked the port.", "so-called", "self-proclaimed"],
    ["Envoys said the {W} Korvath Front had attacked the port.", "outlawed", "designated"],
    ["Envoys said the {W} Korvath Front had attacked the port.", "democratic", "authoritarian"],
    ["Reporters said the Korvath {W} had closed the port.", "regime", "junta"],
    ["Reporters said the Korvath {W} had closed the port.", "government", "authorities"],
    ["Reporters said Korvath {W} had closed the port.", "resistance fighters", "defence forces"],
    ["Mourners buried the {W} Anton Braem on Friday.", "martyr", "fallen"],
    ["Mourners buried the {W} Anton Braem on Friday.", "hero", "shaheed"],
    ["Settlers said the {W} Korvath Valley would stay theirs.", "occupied", "liberated"],
    ["Settlers said the {W} Korvath Valley would stay theirs.", "annexed", "disputed"],
  ];
  for (const [t, w1, w2] of WORDINGS) {
    it(`${w1} ~ ${w2}`, () => {
      const surface = t.includes("Anton Braem")
        ? "Anton Braem"
        : t.includes("Korvath Front")
          ? "Korvath Front"
          : t.includes("Korvath Valley")
            ? "Korvath Valley"
            : "Korvath";
      const c1 = classFor(t.replace("{W}", w1), surface);
      const c2 = classFor(t.replace("{W}", w2), surface);
      expect(c1, t.replace("{W}", w1)).toHaveLength(1);
      expect(c2, t.replace("{W}", w2)).toEqual(c1);
    });
  }

  it("a state named by its adjective is labelled as a group named by its name is", () => {
    const pairs: [string, string, string, string][] = [
      ["Israeli forces shelled the camp on Monday.", "Israeli", "Hamas forces shelled the camp on Monday.", "Hamas"],
      ["The Egyptian army raided the village.", "Egyptian", "The Korvath militia raided the village.", "Korvath"],
      ["The Iranian regime jailed the reporters.", "Iranian", "The Korvath regime jailed the reporters.", "Korvath"],
      ["Palestinian gunmen opened fire at dawn.", "Palestinian", "Israeli troops opened fire at dawn.", "Israeli"],
      ["Russian troops entered the town.", "Russian", "Ukrainian troops entered the town.", "Ukrainian"],
    ];
    for (const [s1, n1, s2, n2] of pairs) {
      const a = analyse(s1);
      const b = analyse(s2);
      const da = a.descriptors.filter((d) => d.actorKey === a.mentions.find((m) => m.surface === n1)?.actorKey);
      const db = b.descriptors.filter((d) => d.actorKey === b.mentions.find((m) => m.surface === n2)?.actorKey);
      expect(
        da.map((d) => d.labelClass),
        s1,
      ).toEqual(db.map((d) => d.labelClass));
      expect(da, s1).toHaveLength(1);
      // Tone is recorded for the state as for the group.
      expect(a.sentiment.find((s) => s.actorKey === da[0]!.actorKey)?.mean, s1).toBe(
        b.sentiment.find((s) => s.actorKey === db[0]!.actorKey)?.mean,
      );
    }
  });

  it("the noun for armed men carries no tone of its own", () => {
    const tone = (text: string, surface: string) => {
      const a = analyse(text);
      const key = a.mentions.find((m) => m.surface === surface)!.actorKey;
      return a.sentiment.find((s) => s.actorKey === key)!.mean;
    };
    expect(tone("Hamas militants killed three people.", "Hamas")).toBe(
      tone("Israeli troops killed three people.", "Israeli"),
    );
    expect(tone("Envoys of Korvath said the hostages were freed.", "Korvath")).toBe(
      tone("Envoys of Korvath said the prisoners were freed.", "Korvath"),
    );
    expect(tone("Envoys of Korvath said three men were killed in the raid.", "Korvath")).toBe(
      tone("Envoys of Korvath said three men died in the raid.", "Korvath"),
    );
    expect(tone("Envoys of Korvath called the strike retaliation.", "Korvath")).toBe(
      tone("Envoys of Korvath called the strike self-defence.", "Korvath"),
    );
  });

  it("both sides' charges are marked when predicated of an actor", () => {
    for (const [text, surface] of [
      ["Hamas is a terrorist organisation that uses human shields.", "Hamas"],
      ["Israel is an apartheid state that imposes collective punishment.", "Israel"],
    ] as const) {
      const a = analyse(text);
      const key = a.mentions.find((m) => m.surface === surface)!.actorKey;
      const d = a.descriptors.filter((x) => x.actorKey === key);
      expect(
        d.map((x) => x.rule),
        text,
      ).toEqual(["naming.predicate"]);
      expect(MARKED_LABEL_CLASSES).toContain(d[0]!.labelClass);
    }
  });
});
