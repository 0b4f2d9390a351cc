// "Roe was quoted in the Ledger as saying …", "Roe was heard saying …", "Roe was caught on camera saying …": the
// passive subject of a verb of quoting or hearing is the speaker of the participle that follows.
import { type AttributionContext } from "../context";
import { BE_FORMS } from "../word-sets";

/** Passive verbs that report someone's words by their being quoted, heard or recorded. */
const PERCEIVED = new Set(["quoted", "heard", "overheard", "caught", "recorded", "filmed", "taped"]);

/**
 * For a participle cue whose left context ends at j ("as" or the perceiving verb, or a phrase after it such as
 * "on camera", "in the Ledger"): the last token before the form of "be" the subject ends at, or -1.
 */
export function perceivedSpeakerEnd(ctx: AttributionContext, j: number, a: number): number {
  const { lower, tok } = ctx;
  let p = lower[j] === "as" ? j - 1 : j;
  // A short phrase between the verb and the participle ("in The Hill", "on camera", "by reporters").
  for (let m = p; m >= a && m >= j - 6; m--) {
    if (PERCEIVED.has(lower[m]!)) {
      p = m;
      break;
    }
    if (tok.tokens[m]!.pos === "VERB" || tok.tokens[m]!.pos === "PUNCT") return -1;
  }
  if (!PERCEIVED.has(lower[p]!) || p - 1 < a) return -1;
  let be = p - 1;
  while (be > a && tok.tokens[be]!.pos === "ADV") be--;
  if (!BE_FORMS.has(lower[be]!)) return -1;
  // "was caught saying" and "was heard saying" need no "as"; "was quoted saying" neither.
  return be - 1 >= a ? be - 1 : -1;
}
