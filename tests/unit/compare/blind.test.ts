import { describe, expect, it } from "vitest";
import {
  MASK_CHAR,
  blindArticle,
  blindLabel,
  blindLabels,
  maskDeep,
  maskNames,
  revealingNames,
  revealingNamesOf,
} from "#app/compare/blind";

describe("blind mode", () => {
  it("labels articles A, B, … in the order given", () => {
    expect(blindLabel(0)).toBe("Article A");
    expect(blindLabel(25)).toBe("Article Z");
    expect(blindLabel(26)).toBe("Article AA");
    expect([...blindLabels([{ id: 9 }, { id: 3 }]).entries()]).toEqual([
      [9, "Article A"],
      [3, "Article B"],
    ]);
  });

  it("masks outlet names in text with as many characters, so offsets stay valid", () => {
    const text = '"We expect ships by Thursday," harbour master Anouk Brel told the Vell Evening Star on Monday.';
    const masked = maskNames(text, ["Vell Evening Star"]);
    expect(masked.length).toBe(text.length);
    expect(masked).not.toContain("Vell Evening Star");
    const at = text.indexOf("Vell Evening Star");
    expect(masked.slice(at, at + 17)).toBe(MASK_CHAR.repeat(17));
    expect(masked.slice(0, at)).toBe(text.slice(0, at));
    expect(masked.slice(at + 17)).toBe(text.slice(at + 17));
  });

  it("matches whole words only, case-insensitively, across line breaks", () => {
    expect(maskNames("The STAR said; starboard stays.", ["Star"])).toBe(
      `The ${MASK_CHAR.repeat(4)} said; starboard stays.`,
    );
    const t = "told the Vell Evening\nStar.";
    expect(maskNames(t, ["Vell Evening Star"])).toBe(`told the ${MASK_CHAR.repeat(17)}.`);
    expect(maskNames("no names here", [])).toBe("no names here");
  });

  it("finds the revealing names of an article: outlet, acronym, author, surname, site and URL", () => {
    const names = revealingNames({
      outlet: "Australia/Israel & Jewish Affairs Council",
      author: "Ari Wenig",
      url: "https://aijac.org.au/item/1",
    });
    expect(names).toEqual(
      expect.arrayContaining([
        "Australia/Israel & Jewish Affairs Council",
        "AIJAC",
        "Ari Wenig",
        "Wenig",
        "aijac",
        "https://aijac.org.au/item/1",
      ]),
    );
    expect(names).not.toContain("Ari");
    expect(revealingNames({ outlet: null, author: "Staff Reporter", url: null })).toEqual(["Staff Reporter"]);
    const all = revealingNamesOf([
      { outlet: "The Vell Evening Star", author: null, url: null },
      { outlet: "Tamsel Courier", author: "Mira Oduya", url: null },
    ]);
    expect(all[0]!.length).toBeGreaterThanOrEqual(all[all.length - 1]!.length);
    expect(all).toContain("Vell Evening Star");
  });

  it("blinds an article's metadata and every string of a value", () => {
    const names = revealingNames({
      outlet: "Vell Evening Star",
      author: "Anouk Brel",
      url: "https://vellstar.example/a",
    });
    const meta = {
      id: 1,
      title: "Vell Evening Star exclusive: harbour to reopen",
      outlet: "Vell Evening Star",
      author: "Anouk Brel",
      url: "https://vellstar.example/a",
      published: "2024-05-01",
    };
    const b = blindArticle(meta, "Article A", names);
    expect(b).toMatchObject({ id: 1, outlet: "Article A", author: null, url: null, published: "2024-05-01" });
    expect(b.title.length).toBe(meta.title.length);
    expect(b.title).not.toContain("Vell");
    const deep = maskDeep({ rows: [{ source: "the Vell Evening Star", n: 3 }], by: "Brel" }, names);
    expect(JSON.stringify(deep)).not.toMatch(/Vell|Brel/);
    expect(deep.rows[0]!.n).toBe(3);
  });
});
