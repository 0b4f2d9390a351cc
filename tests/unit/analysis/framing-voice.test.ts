// Two voices: the outlet's own words and the words it quotes are counted apart, in markers, frames and tone;
// tone reads negation, contrast and the actor's role; frames know names. Fictional texts throughout.
import { describe, expect, it } from "vitest";
import { analyse } from "#app/analysis/index";
import { tokenize } from "#app/analysis/nlp";
import { toWords } from "#app/analysis/words";
import { scoreSentences } from "#app/analysis/sentiment";
import { scoreFrames } from "#app/analysis/frames";

describe("the writer's voice apart from quoted speech", () => {
  it("gives a writer-voice density of 0 when every slanted word is inside a quotation", () => {
    const texts = [
      '"The Brennholt Front are bloodthirsty thugs who clearly slaughtered our people," Mayor Ilsa Brandt said on Monday.',
      'Minister Orla Venn said the raid was "a massacre, a barbaric and shameful atrocity" and left the hall.',
      "Senator Pell Arkwright told reporters: “This is undoubtedly a sham, a disgraceful stunt.” The council meets on Friday.",
    ];
    for (const t of texts) {
      const a = analyse(t);
      expect(a.markers.filter((m) => m.type === "loaded").length, t).toBeGreaterThan(0);
      expect(
        a.markers.every((m) => m.voice === "quoted"),
        t,
      ).toBe(true);
      expect(a.densities, t).toEqual({ hedge: 0, booster: 0, scare_quote: 0, loaded: 0 });
      expect(a.quotedDensities.loaded, t).toBeGreaterThan(0);
      expect(a.voiceWords.quoted, t).toBeGreaterThan(0);
    }
  });

  it("counts the same words in the writer's voice, per 1,000 of the writer's words", () => {
    const a = analyse(
      "The Brennholt Front are bloodthirsty thugs who slaughtered the villagers, the Saltmere Post wrote in its own report today.",
    );
    expect(a.markers.filter((m) => m.type === "loaded").every((m) => m.voice === "writer")).toBe(true);
    expect(a.densities.loaded).toBeGreaterThan(0);
    expect(a.quotedDensities.loaded).toBe(0);
  });

  it("tags frame hits and sentiment words with their voice; quoted tone is the speaker's", () => {
    const text =
      '"The soldiers are heroes and the siege is a triumph," Minister Orla Venn said. The siege of Tarnhold entered its third week.';
    const a = analyse(text);
    const security = a.frames.filter((f) => f.dimension === "security_defense");
    const voices = security.flatMap((f) => f.voices);
    expect(voices).toContain("quoted");
    expect(voices).toContain("writer");
    const venn = a.sentiment.find((s) => s.actorKey === "orla-venn")!;
    expect(venn.mean).toBe(0);
    expect(venn.quotedMean).toBeGreaterThan(0);
    expect(venn.evidence[0]!.excluded.map((e) => e.why)).toEqual(expect.arrayContaining(["quoted"]));
  });
});

function sentence(text: string) {
  const tok = tokenize(text);
  return scoreSentences(toWords(tok), tok.sentences);
}

describe("tone that reads its sentence", () => {
  it("flips the words in a negation's scope (not, never, no longer, fail to, refuse to)", () => {
    expect(sentence("The talks were successful.")[0]!.compound).toBeGreaterThan(0);
    for (const t of [
      "The talks were not successful.",
      "The talks were never successful.",
      "The talks are no longer successful.",
      "The council failed to welcome the plan.",
      "The council refused to support the plan.",
    ]) {
      const s = sentence(t)[0]!;
      expect(s.compound, t).toBeLessThan(0);
      expect(
        s.hits.some((h) => h.negatedBy),
        t,
      ).toBe(true);
    }
    // A harmful act not done is no praise.
    expect(sentence("The commander ordered his units not to attack the port.")[0]!.compound).toBe(0);
  });

  it("weighs the clause after 'but' over the one before, and halves a concessive clause", () => {
    const but = sentence("The plan is good, but the results were a disaster.")[0]!;
    expect(but.compound).toBeLessThan(0);
    const although = sentence("Although the plan failed, the talks brought peace.")[0]!;
    expect(although.compound).toBeGreaterThan(0);
  });

  it("does not charge the target of a harmful act with it, and shows the words behind each actor's score", () => {
    const a = analyse(
      "The Korvath Front attacked Tarnland on Monday. Tarnland was attacked again by the Korvath Front on Tuesday.",
    );
    const front = a.sentiment.find((s) => s.actorKey === "korvath-front")!;
    const tarn = a.sentiment.find((s) => s.actorKey === "tarnland")!;
    expect(front.mean).toBeLessThan(0);
    expect(tarn.mean).toBe(0);
    expect(tarn.evidence.flatMap((e) => e.excluded.map((x) => x.why))).toEqual(["target", "target"]);
    expect(front.evidence[0]!.words.map((w) => w.entry)).toEqual(["attacked"]);
  });

  it("does not charge the subject of a judging verb with what it judges", () => {
    const a = analyse(
      "The Tarnland government accused the Korvath Front of a brutal massacre. The Tarnland government praised the rescue teams.",
    );
    const tarn = a.sentiment.find((s) => s.actorKey === "tarnland")!;
    expect(tarn.evidence[0]!.score).toBe(0);
    expect(tarn.evidence[0]!.excluded.map((x) => x.why)).toEqual(["reported", "reported", "reported"]);
    expect(tarn.mean).toBeGreaterThan(0);
    // The one accused is the target of the accusation, not charged with it either.
    expect(a.sentiment.find((s) => s.actorKey === "korvath-front")!.mean).toBe(0);
  });

  it("treats the same sentence alike whichever side is named (a swap changes nothing)", () => {
    const one = analyse("Tarnland troops killed three Brennholt fighters, and Brennholt did not condemn the attack.");
    const two = analyse("Brennholt troops killed three Tarnland fighters, and Tarnland did not condemn the attack.");
    const mean = (a: typeof one, k: string) => a.sentiment.find((s) => s.actorKey === k)?.mean;
    expect(mean(one, "tarnland")).toBe(mean(two, "brennholt"));
    expect(mean(one, "brennholt")).toBe(mean(two, "tarnland"));
  });
});

function frames(text: string) {
  const tok = tokenize(text);
  return scoreFrames(toWords(tok), tok.paragraphs).frames;
}

describe("frames that know names", () => {
  it("does not count a word inside a capitalised name for its common meaning", () => {
    const f = frames(
      "The Muslim Brotherhood wrote to the Justice Department, and the Islamic State replied on Tuesday.",
    );
    expect(f.flatMap((x) => x.words)).toEqual([]);
    const g = frames("Muslim and Jewish leaders met at the mosque and the synagogue on Tuesday.");
    expect(g.find((x) => x.dimension === "cultural_identity")!.words).toEqual([
      "Muslim",
      "Jewish",
      "mosque",
      "synagogue",
    ]);
  });

  it("counts an ambiguous word only with a second cue of its dimension in the paragraph", () => {
    expect(
      frames("Supporters of the Korvath Front gathered near the quay.").filter((x) => x.dimension === "public_opinion"),
    ).toEqual([]);
    const both = frames("Supporters gathered near the quay, and a poll showed the protest was popular.").find(
      (x) => x.dimension === "public_opinion",
    )!;
    expect(both.words).toEqual(["Supporters", "poll", "protest", "popular"]);
  });

  it("frames religions alike, as cultural identity", () => {
    const a = frames("Islam was the subject of the lecture.");
    const b = frames("Judaism was the subject of the lecture.");
    expect(a.map((x) => [x.dimension, x.score])).toEqual(b.map((x) => [x.dimension, x.score]));
    expect(a.map((x) => x.dimension)).toEqual(["cultural_identity"]);
  });
});
