// The lexicons' headers and sizes, read from the shipped data files: the methods page and the exports'
// provenance both cite them, so they are listed once here.
import labels from "#app/analysis/lexicons/labels.json";
import hedges from "#app/analysis/lexicons/hedges-boosters.json";
import loaded from "#app/analysis/lexicons/loaded.json";
import frames from "#app/analysis/lexicons/frames.json";
import aliases from "#app/analysis/lexicons/actor-aliases.json";
import sentiment from "#app/analysis/lexicons/sentiment.json";
import cues from "#app/analysis/lexicons/cues.json";
import gazetteer from "#app/analysis/lexicons/gazetteer.json";
import pronouns from "#app/analysis/lexicons/pronouns.json";
import timeWords from "#app/analysis/lexicons/time-words.json";
import attributionWords from "#app/analysis/lexicons/attribution-words.json";
import givenNames from "#app/analysis/lexicons/given-names.json";

export interface LexiconInfo {
  file: string;
  name: string;
  version: string;
  origin: string;
  licence: string;
  built: string;
  /** Entries in all lists (a word with a value, a list item, an alias group each count once). */
  entries: number;
  /** Per list, when the lexicon has several ("hedge": 72, "booster": 32). */
  parts: { name: string; entries: number }[];
}

interface LexiconFile {
  name: string;
  version: string;
  origin: string;
  licence: string;
  built: string;
  entries: unknown;
}

const FILES: [string, LexiconFile][] = [
  ["cues.json", cues],
  ["gazetteer.json", gazetteer],
  ["pronouns.json", pronouns],
  ["time-words.json", timeWords],
  ["attribution-words.json", attributionWords],
  ["given-names.json", givenNames],
  ["actor-aliases.json", aliases],
  ["labels.json", labels],
  ["hedges-boosters.json", hedges],
  ["loaded.json", loaded],
  ["frames.json", frames],
  ["sentiment.json", sentiment],
];

function countEntries(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (v && typeof v === "object")
    return Object.values(v).reduce<number>((n, x) => n + (x && typeof x === "object" ? countEntries(x) : 1), 0);
  return 0;
}

export function lexiconInfo(): LexiconInfo[] {
  return FILES.map(([file, l]) => {
    const parts =
      Array.isArray(l.entries) || !l.entries || typeof l.entries !== "object"
        ? []
        : Object.entries(l.entries).map(([name, x]) => ({
            name,
            entries: x && typeof x === "object" ? countEntries(x) : 1,
          }));
    return {
      file,
      name: l.name,
      version: l.version,
      origin: l.origin,
      licence: l.licence,
      built: l.built,
      entries: countEntries(l.entries),
      parts,
    };
  });
}

/** name → version, for provenance. */
export function lexiconVersions(): Record<string, string> {
  return Object.fromEntries(lexiconInfo().map((l) => [l.name, l.version]));
}
