// Rewrites of a text from the American quotation style to others, one code unit for one so every offset
// is unchanged: the same attributions must come out of each. Apostrophes are left as they are.

/** Pairs of American marks in a paragraph: outer double marks and the single marks nested in them. */
function americanMarks(text: string): { outer: [number, number][]; inner: [number, number][] } {
  const outer: [number, number][] = [];
  const inner: [number, number][] = [];
  let start = 0;
  for (const para of text.split("\n")) {
    let open = -1;
    let innerOpen = -1;
    for (let k = 0; k < para.length; k++) {
      const c = para[k]!;
      const i = start + k;
      if (c === "“" || (c === '"' && open < 0)) {
        if (open >= 0) continue;
        open = i;
      } else if ((c === "”" || c === '"') && open >= 0) {
        outer.push([open, i]);
        open = -1;
        innerOpen = -1;
      } else if (c === "‘" && open >= 0 && !/\d/.test(para[k + 1] ?? "")) innerOpen = i;
      else if (c === "’" && innerOpen >= 0 && !/[\p{L}\p{N}]/u.test(para[k + 1] ?? "")) {
        inner.push([innerOpen, i]);
        innerOpen = -1;
      }
    }
    // A quotation continued into the next paragraph: its opening mark is rewritten, the closing one comes later.
    if (open >= 0) outer.push([open, -1]);
    start += para.length + 1;
  }
  return { outer, inner };
}

function rewrite(text: string, outerMarks: [string, string], innerMarks: [string, string]): string {
  const chars = text.split("");
  const { outer, inner } = americanMarks(text);
  for (const [a, b] of outer) {
    chars[a] = outerMarks[0];
    if (b >= 0) chars[b] = outerMarks[1];
  }
  for (const [a, b] of inner) {
    chars[a] = innerMarks[0];
    chars[b] = innerMarks[1];
  }
  return chars.join("");
}

/** British: single outer marks (‘…’), double inner ones. */
export const toBritish = (text: string) => rewrite(text, ["‘", "’"], ["“", "”"]);
/** British in straight marks ('…'). */
export const toBritishStraight = (text: string) => rewrite(text, ["'", "'"], ['"', '"']);
/** French guillemets « … ». */
export const toGuillemets = (text: string) => rewrite(text, ["«", "»"], ["‘", "’"]);
/** German and Danish reversed guillemets » … «. */
export const toReversedGuillemets = (text: string) => rewrite(text, ["»", "«"], ["‘", "’"]);
/** German and Polish low-high marks „ … “. */
export const toLowHigh = (text: string) => rewrite(text, ["„", "“"], ["‚", "‘"]);
/** CJK corner brackets 「…」 with 『…』 inside. */
export const toCorner = (text: string) => rewrite(text, ["「", "」"], ["『", "』"]);
