// Quoted documents whose later paragraphs carry no quotation marks: a letter, statement, post or transcript that the
// text introduces with a colon, or a quotation opened at one paragraph's start and closed only at a later paragraph's
// end with unmarked paragraphs between. Their words are the document's or speaker's voice, never the outlet's.
import type { Span } from "./types";

/** A lead-in that introduces a document or speech with a colon: "wrote in the letter:", "The statement reads:". */
const DOCUMENT_LEAD =
  /(?:\b(?:letter|statement|post|posting|transcript|memo|memorandum|e-?mail|message|note|tweet|op-ed|essay|editorial|petition|speech|remarks|testimony|filing|complaint|resolution)\b[^.!?]{0,80}|\b(?:reads?|wrote|writes|said|says|stated|states|declared|declares|posted|tweeted|added|continued|in full)\s*):\s*$/i;
/** Words of a document's own voice: a letter or statement speaks as "I", "we" or to "you". */
const FIRST_OR_SECOND = /\b(?:I|we|We|our|Our|us|my|My|you|You|your|Your)\b/;
/** A paragraph that reports again in the outlet's voice ends a document: "…, she wrote.", "according to the letter". */
const REPORTING = /\b(?:said|says|wrote|writes|added|told|according to)\b/i;
const MARKS = /[“”"«»„]/;
const MAX_PARAGRAPHS = 8;

function trimmedEnd(text: string, p: Span): number {
  let e = p.end;
  while (e > p.start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function trimmedStart(text: string, p: Span): number {
  let s = p.start;
  while (s < p.end && /\s/.test(text[s]!)) s++;
  return s;
}

/** Opening minus closing double marks in a paragraph (a straight mark opens after a space or at the start). */
function balance(text: string, p: Span): number {
  let n = 0;
  for (let i = p.start; i < p.end; i++) {
    const c = text[i]!;
    if (c === "“" || c === "«" || c === "„") n++;
    else if (c === "”" || c === "»") n--;
    else if (c === '"') n += i === p.start || /[\s([{—–-]/.test(text[i - 1]!) ? 1 : -1;
  }
  return n;
}

function opensWithMark(text: string, p: Span): boolean {
  return /^[“"«„]/.test(text.slice(trimmedStart(text, p), trimmedStart(text, p) + 1));
}

/** The stretches of quoted documents in a text, sorted and not overlapping. */
export function documentStretches(text: string, paragraphs: Span[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < paragraphs.length - 1; i++) {
    const p = paragraphs[i]!;
    // 1. A quotation opened at a paragraph's start and closed only at a later paragraph's end, unmarked between.
    if (opensWithMark(text, p) && balance(text, p) > 0) {
      for (let k = i + 1; k < paragraphs.length && k - i <= MAX_PARAGRAPHS; k++) {
        const q = paragraphs[k]!;
        if (opensWithMark(text, q)) break;
        const b = balance(text, q);
        if (b < 0 && /[”"»]$/.test(text.slice(p.start, trimmedEnd(text, q)))) {
          out.push({ start: trimmedStart(text, p), end: trimmedEnd(text, q) });
          i = k;
          break;
        }
        if (b !== 0) break;
      }
      continue;
    }
    // 2. A document introduced with a colon, its paragraphs unmarked.
    const lead = text.slice(p.start, trimmedEnd(text, p));
    // A correction notice is the outlet's own ("revised to reflect the following correction:").
    if (!DOCUMENT_LEAD.test(lead.slice(-160)) || /\bcorrection\b/i.test(lead.slice(-160))) continue;
    let end = -1;
    let k = i + 1;
    for (; k < paragraphs.length && k - i <= MAX_PARAGRAPHS; k++) {
      const q = paragraphs[k]!;
      const body = text.slice(q.start, q.end);
      if (MARKS.test(body)) break;
      // The first paragraph is the document's; later ones only while they speak as "I"/"we"/"you" and report nothing.
      if (k > i + 1 && (!FIRST_OR_SECOND.test(body) || REPORTING.test(body))) break;
      end = trimmedEnd(text, q);
    }
    if (end > 0) {
      out.push({ start: trimmedStart(text, paragraphs[i + 1]!), end });
      i = k - 1;
    }
  }
  return out;
}
