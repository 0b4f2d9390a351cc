// Turns pasted or captured text into Parallax's clean text: normalised line breaks and paragraphs,
// with page chrome (outlet line, breadcrumbs, "most recent items", bylines) recognised and kept out of the body.

export interface CleanTextHints {
  title?: string | null;
  outlet?: string | null;
  author?: string | null;
}

export interface CleanTextResult {
  text: string;
  /** Metadata recognised in the chrome (only filled where the hint was empty or matched). */
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** The chrome lines removed, for the user to see what was kept out. */
  removed: { line: string; as: "outlet" | "title" | "byline" | "chrome" }[];
}

const CHROME_PATTERNS: RegExp[] = [
  /^you are (?:in|here)\s*:/i,
  /^(?:most recent|latest|related|more) (?:items|stories|articles|news)(?: in)?\s*:/i,
  /^(?:share|share this|print|email|advertisement|subscribe|sign up|read more|related articles?|comments?)\s*:?$/i,
  /^(?:home|home page)\s*(?:>|»|›|\/)\s*/i,
];

/** A breadcrumb such as "Home > World > Middle East": several separators and no sentence punctuation. */
function looksLikeBreadcrumb(line: string): boolean {
  const seps = line.match(/\s[>»›|]\s/g);
  return !!seps && seps.length >= 2 && line.length < 160 && !/[.!?]["”’]?$/.test(line);
}

function isChrome(line: string): boolean {
  return CHROME_PATTERNS.some((re) => re.test(line)) || looksLikeBreadcrumb(line);
}

function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .toLowerCase();
}

/** A byline: "By Jane Doe", or 2–4 capitalised words with no sentence punctuation. */
function bylineName(line: string): string | null {
  const by = /^by\s+(.{3,80})$/i.exec(line);
  const candidate = (by ? by[1]! : line).trim();
  if (candidate.length > 60 || /[.!?:;"“”]$/.test(candidate)) return null;
  const words = candidate.split(/\s+/);
  if (words.length < 2 || words.length > 4) return null;
  const nameWord = /^(?:\p{Lu}[\p{L}'’\-.]*|(?:al|el|bin|ibn|van|von|de|da|du|le)(?:-\p{Lu}[\p{L}'’]*)?)$/u;
  return words.every((w) => nameWord.test(w)) && words.some((w) => /^\p{Lu}/u.test(w)) ? candidate : null;
}

/** Normalises white space and control characters without touching the words. */
export function normaliseText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
      .split("\n")
      .map((l) => l.replace(/[ \t\u00A0]+$/g, "").replace(/^[ \t]+/g, ""))
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

export function cleanText(raw: string, hints: CleanTextHints = {}): CleanTextResult {
  const normalised = normaliseText(raw);
  // Paragraphs: blank-line separated; a single newline inside a paragraph becomes a space only when
  // the text has blank lines at all (hard-wrapped text); otherwise every line is a paragraph.
  const hasBlank = /\n\n/.test(normalised);
  let paras = (hasBlank ? normalised.split(/\n\n/) : normalised.split("\n"))
    .map((p) => (hasBlank ? p.replace(/\n/g, " ") : p).replace(/[ \t]{2,}/g, (m) => m).trim())
    .filter((p) => p.length > 0);

  const removed: CleanTextResult["removed"] = [];
  let title = hints.title?.trim() || null;
  let outlet = hints.outlet?.trim() || null;
  let author = hints.author?.trim() || null;

  // Leading chrome: outlet line, title line, breadcrumbs, in any order, only while they look like chrome.
  for (let guard = 0; guard < 6 && paras.length > 1; guard++) {
    const first = paras[0]!;
    const f = fold(first);
    if (isChrome(first)) {
      removed.push({ line: first, as: "chrome" });
    } else if (outlet && f === fold(outlet)) {
      removed.push({ line: first, as: "outlet" });
    } else if (title && f === fold(title)) {
      removed.push({ line: first, as: "title" });
    } else if (/^by\s/i.test(first) && bylineName(first)) {
      author ??= bylineName(first);
      removed.push({ line: first, as: "byline" });
    } else {
      break;
    }
    paras = paras.slice(1);
  }
  // Without hints, short headline-like lines before the body are the outlet line and the headline
  // (two such lines: outlet then headline; one: headline), with chrome lines around them dropped.
  const headlineLike = (p: string) => p.split(/\s+/).length <= 20 && !/[.!?:;,]["”’)]?$/.test(p);
  if (!title && paras.length > 2) {
    const heads: number[] = [];
    let i = 0;
    for (; i < paras.length - 1 && i < 6; i++) {
      if (isChrome(paras[i]!)) continue;
      if (headlineLike(paras[i]!) && heads.length < 2) heads.push(i);
      else break;
    }
    if (heads.length > 0 && i < paras.length) {
      const [a, b] = heads;
      if (b !== undefined) {
        if (!outlet) outlet = paras[a!]!;
        title = paras[b]!;
      } else {
        title = paras[a!]!;
      }
      for (let j = 0; j < i; j++) {
        const line = paras[j]!;
        removed.push({
          line,
          as: isChrome(line) ? "chrome" : j === b || (b === undefined && j === a) ? "title" : "outlet",
        });
      }
      paras = paras.slice(i);
    }
  }
  // Trailing chrome and a closing byline.
  for (let guard = 0; guard < 6 && paras.length > 1; guard++) {
    const last = paras[paras.length - 1]!;
    if (isChrome(last)) {
      removed.push({ line: last, as: "chrome" });
    } else if (bylineName(last) && (!author || fold(bylineName(last)!) === fold(author))) {
      author ??= bylineName(last);
      removed.push({ line: last, as: "byline" });
    } else {
      break;
    }
    paras = paras.slice(0, -1);
  }

  return { text: paras.join("\n\n"), title, outlet, author, removed };
}
