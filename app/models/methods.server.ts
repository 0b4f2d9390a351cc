// The methods: every measure and how it is computed, every rule, the lexicons (sizes, origins, licences), the
// codebook, the analyser version and the measured accuracy. The page and the README section both come from
// `methodsContent()`, and accuracy is read from eval-results.json (written by `npm run eval`), never typed.
import fs from "node:fs";
import path from "node:path";
import { ANALYSER_VERSION, RULES } from "#app/analysis/index";
import { RULE_REGISTRY } from "#app/analysis/attribution/registry";
import codebook from "#app/analysis/codebook.json";
import { ALIGN_THRESHOLD, MAY_CARRY, MAY_COVER } from "#app/compare/claims-align";
import { CARRY_FLOOR } from "#app/compare/omissions";
import { lexiconInfo, type LexiconInfo } from "./lexicon-info.server";

export interface Measure {
  id: string;
  name: string;
  how: string;
  unit: string;
  rules: string[];
}

export interface CodebookSection {
  id: string;
  title: string;
  entries: { id: string; label: string; definition: string }[];
}

export interface AccuracyRow {
  key: string;
  label: string;
  value: string;
}

export interface MethodsContent {
  analyserVersion: string;
  codebook: {
    name: string;
    version: string;
    origin: string;
    licence: string;
    built: string;
    sections: CodebookSection[];
  };
  measures: Measure[];
  /** Every rule id with its sentence; attribution rules also with their figures on PolNeAR train, when measured. */
  rules: { id: string; sentence: string; train?: { count: number; precisionAt03: number | null } }[];
  /** Counted from the rule registries when the page is built, never typed in. */
  ruleCounts: { all: number; attribution: number };
  lexicons: LexiconInfo[];
  accuracy: { date: string | null; rows: AccuracyRow[] } | null;
}

const rulesWith = (prefix: string) => Object.keys(RULES).filter((r) => r.startsWith(prefix));

export const MEASURES: Measure[] = [
  {
    id: "sourcing-mix",
    name: "Sourcing mix",
    how: "Each attribution (who says what: a direct or mixed quotation, reported speech, an \"according to\" phrase, an unnamed source) is found by the attribution rules, and its source is given one of the codebook's source kinds from its title, the gazetteer or the words around the name. The chart counts attributions per kind and, separately, the words quoted (words inside quotation marks in the attributed content; all of them for a direct quotation). A non-response (“declined to comment”, “did not respond to a request for comment”, “could not be reached”) is listed as “no comment” with who gave it, and the writer's own impression (“it seems”, “the plan appears to be failing”) is a hedge; neither counts as an attribution or a source. The PolNeAR evaluation scores both as attributions, because PolNeAR's annotation scheme marks them so (all but “could not be reached”, which it leaves out).",
    unit: "attributions; words quoted",
    rules: [...rulesWith("quote."), ...rulesWith("source."), ...rulesWith("attribution.")],
  },
  {
    id: "voices",
    name: "Whose voice",
    how: "Mentions of one source (full name, surname, pronoun, title) are merged into one canonical source per article; its attributions and words quoted are summed, and grouped by the affiliation the text gives it.",
    unit: "attributions; words quoted",
    rules: [],
  },
  {
    id: "cue-stances",
    name: "How sources are introduced",
    how: "The reporting word of each attribution (said, claimed, revealed, denied, accused) is looked up in the cue lexicon, which gives it a stance: neutral, distancing, endorsing, denial or accusation.",
    unit: "attributions",
    rules: [],
  },
  {
    id: "named-unnamed",
    name: "Named and unnamed sources",
    how: 'A source is named when the text gives a person\'s or organisation\'s name; attributions to "officials", "sources", "critics" and the like count as unnamed. The unnamed share is unnamed attributions over all attributions.',
    unit: "sources; share of attributions",
    rules: [],
  },
  {
    id: "claim-matrix",
    name: "The claim matrix",
    how: `Claims are the content of every attribution plus every sentence in the author's own voice, one claim for each main clause with its own subject and verb ("X resigned, and Y named a successor" is two). Each gets a stance in its article (asserted, attributed, unnamed source, hedged, denied). Claims of different articles are grouped when they share a content word (the predicate or its theme) and at least three informative terms (stems, numbers, names; a name's parts count as one term, so "Sayoc" and "Cesar Sayoc Jr." match), or two terms that make up most of both claims, with similarity at least ${ALIGN_THRESHOLD}, and each is the other's best match in its article; a claim of four words or more that stands nearly whole in another article's claim (the same quotation) is grouped with it; a writer's claim opening with "he" or "she" counts the one person named just before it among its terms; words of one predicate set (resign/quit, arrest/custody, apologise/regret) count as one predicate, and claims naming different known predicates never group, nor a claim with a negation (not, never, no) and one without; two groups join only when close on average, so one broad claim cannot chain unrelated ones. A cell shows the stance each article gives the group, or absent. A claim is listed as one the focal article lacks only when, with three articles or more, two others carry it, no clause of a focal claim (claims are split at coordinated predicates, semicolons and relative clauses) is as similar as ${MAY_CARRY} or holds ${MAY_COVER * 100}% of its weighted terms, and no sentence of the focal article (a claim or not) holds ${CARRY_FLOOR * 100}% of the weighted words of a clause of the group's members; otherwise the claim is "unclear" for the focal article and not listed. The closest focal clause and the closest focal sentence are shown with their similarity.`,
    unit: "stance per claim group and article",
    rules: [...rulesWith("claim."), ...rulesWith("stance.")],
  },
  {
    id: "naming-matrix",
    name: "The naming matrix",
    how: "Actors are found by name and alias and merged across articles (same key, a bare surname of a longer name, a shared variant). The words an article puts before or beside an actor's name are classified with the label lexicon; a class describes the word used, never the actor.",
    unit: "mentions; descriptors by label class",
    rules: [...rulesWith("naming."), ...rulesWith("actor.")],
  },
  {
    id: "distance-tone",
    name: "Distance and tone",
    how: 'Hedges and boosters (lexicon), scare quotes (short quoted phrases nobody in the text is quoted as saying, or marked "so-called") and loaded terms (lexicon) are counted and divided by the article\'s word count, per 1,000 words; for the whole article, its lead (first three paragraphs) and its headline.',
    unit: "per 1,000 words",
    rules: [...rulesWith("hedge."), ...rulesWith("booster."), ...rulesWith("scare"), ...rulesWith("loaded.")],
  },
  {
    id: "frames",
    name: "Frame profile",
    how: "Each paragraph scores in a frame dimension of the Policy Frames Codebook for each word of that dimension's lexicon it contains; an article's profile is each dimension's share of all its frame hits.",
    unit: "share of frame hits (0 to 1)",
    rules: rulesWith("frame."),
  },
  {
    id: "sentiment",
    name: "Sentiment of sentences naming an actor",
    how: "Sentences are scored with the sentiment lexicon (word valences summed with negation and intensifiers, normalised) and attributed to the actors they mention. What it is not: an outlet's attitude towards an actor, or whether the actor is shown in a good or bad light; a sentence reporting deaths an actor suffered scores as negative as one reporting deaths it caused, and label words (terrorist, martyr, regime) carry no score here (the naming matrix shows them).",
    unit: "score from -1 to 1",
    rules: rulesWith("sentiment."),
  },
  {
    id: "timeline",
    name: "Coverage timeline",
    how: "Publication dates as recorded for the compared articles and for the coverage still to import (dates only as precise as known: year, month or day).",
    unit: "dates",
    rules: [],
  },
  {
    id: "prompts",
    name: "Discussion prompts",
    how: 'Candidate questions are built from templates for each kind of difference (a claim one article states and another attributes, hedges or carries with a denial, a claim only one article carries, the unnamed-source share, marker densities, labels for the same actor, shares of quoted words, reporting words, the leading frame). Each template states what it checks, and the check runs on the analysis before the question is offered: claim questions quote both articles\' own words and need the two claims close enough to state one proposition; an article\'s own voice never holds reporting words; label questions weigh every marked class alike and need the descriptor next to the name, outside anyone\'s quoted words; two quotes are one claim only with the same polarity, most content words and the same predicate shared (not only the same people and dates), and the outlet\'s own claim starts a sentence and does not stop mid-clause; a claim only one article carries is offered only for the outlet\'s own whole sentence, worded as what was measured; unnamed counts only where every source counted as unnamed reads as a description and is called at least once by a plural, indefinite or counted one ("a journalist", not only "the journalist", who may be someone the article names); shares of quoted words only where most of them come from sources of a known kind, never for a media group holding a person typed media by trade, nor for a group whose kind appears with and without an affiliation; hedge and booster counts never hold a source\'s reporting verb ("the record indicates that"), cue counts never an adverb ("reportedly told"), and densities say they count the words of Parallax\'s lists; a leading frame only where it leads alone on three frame words or more; no label class resting on a capitalised name ("Democratic donor" is no governance term), and "without such a label" only of an article that describes the actor in no words of its own either (no apposition or noun-phrase words next to a mention). Each is scored by the size of the measured gap, and the three to six largest of different kinds are shown with the spans they rest on; fewer kinds of question rather than a false one.',
    unit: "questions",
    rules: [],
  },
  // People's corrections (issue 17).
  {
    id: "corrections",
    name: "People's corrections",
    how: "An editor can correct any item the machine made (a source's kind, affiliation or name; merge or split sources; reject or add an attribution; a claim's stance; reject or add a marker; a descriptor's label class), with a note. Corrections are stored apart from the analysis and anchored to the text by the item's span; charts, tables and exports use the corrected values, and exports keep the machine's value beside each one, with a corrected flag and the correction's id. After an analyser upgrade each correction is found again by its span (or a span overlapping it by at least 80%); one that no longer fits is listed for review, never dropped. Items a person added carry the rule `correction.person`.",
    unit: "values changed",
    rules: [],
  },
  {
    id: "agreement",
    name: "Agreement between coders",
    how: "Several accounts can code one comparison independently; a coder's value for an item is their last correction of it, or the machine's value where they left it alone. Per layer, percent agreement (agreeing pairs of values over all pairs) and Krippendorff's alpha for nominal data (1 − observed/expected disagreement from the coincidence matrix; not defined when every value is the same) are given between the coders and between each coder and the machine. Merges and splits change the items themselves and are not part of these figures.",
    unit: "share and alpha (−1 to 1)",
    rules: [],
  },
];

const CODEBOOK_SECTIONS: [keyof typeof codebook, string][] = [
  ["sourceKinds", "Source kinds"],
  ["cueStances", "Cue stances"],
  ["claimStances", "Claim stances"],
  ["labelClasses", "Label classes"],
  ["markerTypes", "Marker types"],
  ["frameDimensions", "Frame dimensions"],
];

const ACCURACY_LABELS: Record<string, string> = {
  "polnearDev.articles": "PolNeAR dev: articles",
  "polnearDev.gold": "PolNeAR dev: gold attributions",
  "polnearDev.predicted": "PolNeAR dev: predicted attributions",
  "related.articles": "Related coverage: articles queried",
  "related.library": "Related coverage: library size",
  "related.msPerQuery": "Related coverage: milliseconds per query",
  "related.large.recallAt2": "Related coverage, library ×10: recall at 2",
  "related.large.mrr": "Related coverage, library ×10: mean reciprocal rank",
  "related.large.articles": "Related coverage, library ×10: articles queried",
  "related.large.library": "Related coverage, library ×10: library size",
  "related.large.msPerQuery": "Related coverage, library ×10: milliseconds per query",
  "related.large.distractors": "Related coverage, library ×10: synthetic distractors",
  "polnearDev.contentF1At03": "Attribution content F1 (overlap ≥ 0.3), PolNeAR dev",
  "polnearDev.contentF1At08": "Attribution content F1 (overlap ≥ 0.8), PolNeAR dev",
  "polnearDev.endToEndF1At03": "Attribution end-to-end F1 (source, cue and content; overlap ≥ 0.3)",
  "polnearDev.endToEndF1At08": "Attribution end-to-end F1 (overlap ≥ 0.8)",
  "polnearDev.precisionAt03": "Attribution precision (overlap ≥ 0.3)",
  "polnearDev.recallAt03": "Attribution recall (overlap ≥ 0.3)",
  "polnearDev.sourceAccuracy": "Source span accuracy (of matched attributions)",
  "polnearDev.cueAccuracy": "Cue accuracy (of matched attributions)",
  "polnearDev.wordsPerSecond": "Throughput (words per second)",
  "polnearTrain.articles": "PolNeAR train: articles",
  "polnearTrain.gold": "PolNeAR train: gold attributions",
  "polnearTrain.predicted": "PolNeAR train: predicted attributions",
  "polnearTrain.contentF1At03": "Attribution content F1 (overlap ≥ 0.3), PolNeAR train",
  "polnearTrain.contentF1At08": "Attribution content F1 (overlap ≥ 0.8), PolNeAR train",
  "polnearTrain.endToEndF1At03": "Attribution end-to-end F1 (overlap ≥ 0.3), PolNeAR train",
  "polnearTrain.endToEndF1At08": "Attribution end-to-end F1 (overlap ≥ 0.8), PolNeAR train",
  "polnearTrain.precisionAt03": "Attribution precision (overlap ≥ 0.3), PolNeAR train",
  "polnearTrain.recallAt03": "Attribution recall (overlap ≥ 0.3), PolNeAR train",
  "polnearTrain.sourceAccuracy": "Source span accuracy (of matched), PolNeAR train",
  "polnearTrain.cueAccuracy": "Cue accuracy (of matched), PolNeAR train",
  "polnearTrain.wordsPerSecond": "Throughput on PolNeAR train (words per second)",
  "related.recallAt2": "Related coverage: recall at 2",
  "comparison.events": "Comparison gold (BASIL dev): events, each built with `cli compare`",
  "comparison.claimCellRecall": "Claim matrix: hand-annotated claim cells found",
  "comparison.stanceAccuracy": "Claim matrix: stance right (of cells found)",
  "comparison.deniedPrecision": "Claim matrix: cells marked denied that are denied",
  "comparison.deniedMarked": "Claim matrix: cells marked denied",
  "comparison.groupingRecall": "Claim groups: pairs of the same claim grouped together (recall)",
  "comparison.groupingPrecision": "Claim groups: grouped pairs that are the same claim (precision)",
  "comparison.lacksPrecision": "Claims an article lacks, by claim group (not in the group): really absent (precision)",
  "comparison.lacksRecall":
    "Claims an article lacks, by claim group (not in the group): really absent that are found (recall)",
  "comparison.listedLacksPrecision": "Claims the focal article lacks, as listed: really absent (precision)",
  "comparison.listedLacksRecall": "Claims the focal article lacks, as listed: really absent that are listed (recall)",
  "related.mrr": "Related coverage: mean reciprocal rank",
  "comparison.sources.goldNamed": "Sources (comparison gold): named sources in the gold",
  "comparison.sources.namedFound": "Sources: named gold sources found",
  "comparison.sources.kindAccuracy": "Sources: kind right (of app sources matching a gold source)",
  "comparison.sources.namedAccuracy": "Sources: named or unnamed right (of matching app sources)",
  "comparison.sources.perGoldSource": "Sources: app sources per gold source found (1 is ideal)",
  "comparison.sources.precision": "Sources: app sources that match a gold source (precision)",
};

function formatNumber(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString("en-GB");
  return v < 1 && v > -1 ? v.toFixed(3) : v.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

function flatten(v: unknown, prefix: string, out: AccuracyRow[]): void {
  if (typeof v === "number")
    out.push({ key: prefix, label: ACCURACY_LABELS[prefix] ?? prefix, value: formatNumber(v) });
  else if (typeof v === "string" && prefix.endsWith("note")) return;
  else if (v && typeof v === "object" && !Array.isArray(v))
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
}

/** The accuracy figures of the last `npm run eval`, or null when it has not been run. */
export function readAccuracy(
  file = path.resolve(process.cwd(), "app/analysis/eval-results.json"),
): MethodsContent["accuracy"] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
  if (!raw || typeof raw !== "object") return null;
  // A rule count stored by an older eval is left out: the page counts the registries itself.
  const { date, ruleCount: _stale, ...rest } = raw as Record<string, unknown>;
  void _stale;
  const rows: AccuracyRow[] = [
    { key: "ruleCount", label: "Rules in the analysis", value: formatNumber(Object.keys(RULES).length) },
    {
      key: "attributionRuleCount",
      label: "Attribution rules (the sourcing engine's registry)",
      value: formatNumber(RULE_REGISTRY.length),
    },
  ];
  flatten(rest, "", rows);
  // Found/total pairs read better as one row ("14 of 21").
  const merged: AccuracyRow[] = [];
  for (const r of rows) {
    const m = /^(.*)\.(found|foundWithSource)$/.exec(r.key);
    const total = m ? rows.find((x) => x.key === `${m[1]}.total`) : undefined;
    if (m && total)
      merged.push({
        key: r.key,
        label: `${m[1]}: attributions ${m[2] === "found" ? "found" : "found with the right source"}`,
        value: `${r.value} of ${total.value}`,
      });
    else if (!/\.total$/.test(r.key) || !rows.some((x) => x.key === r.key.replace(/total$/, "found"))) merged.push(r);
  }
  return { date: typeof date === "string" ? date : null, rows: merged };
}

/** Each attribution rule's count and precision on PolNeAR train, from the last `npm run eval`. */
function readRuleFigures(
  file = path.resolve(process.cwd(), "app/analysis/eval-results.json"),
): Map<string, { count: number; precisionAt03: number | null }> {
  try {
    const raw = JSON.parse(fs.readFileSync(file, "utf8")) as {
      perRuleTrain?: { rule: string; count: number; precisionAt03: number | null }[];
    };
    return new Map((raw.perRuleTrain ?? []).map((r) => [r.rule, { count: r.count, precisionAt03: r.precisionAt03 }]));
  } catch {
    return new Map();
  }
}

export function methodsContent(opts: { evalResultsFile?: string } = {}): MethodsContent {
  const train = readRuleFigures(opts.evalResultsFile);
  return {
    analyserVersion: ANALYSER_VERSION,
    codebook: {
      name: codebook.name,
      version: codebook.version,
      origin: codebook.origin,
      licence: codebook.licence,
      built: codebook.built,
      sections: CODEBOOK_SECTIONS.map(([id, title]) => ({
        id,
        title,
        entries: codebook[id] as CodebookSection["entries"],
      })),
    },
    measures: MEASURES,
    rules: Object.entries(RULES)
      .map(([id, sentence]) => (train.has(id) ? { id, sentence, train: train.get(id)! } : { id, sentence }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    ruleCounts: { all: Object.keys(RULES).length, attribution: RULE_REGISTRY.length },
    lexicons: lexiconInfo(),
    accuracy: readAccuracy(opts.evalResultsFile),
  };
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\s+/g, " ");
}

/** The same content as Markdown, for the README's methods section. */
export function methodsMarkdown(opts: { evalResultsFile?: string } = {}): string {
  const m = methodsContent(opts);
  const out: string[] = [
    "## Methods",
    "",
    `Analyser version \`${m.analyserVersion}\`; codebook ${m.codebook.name} ${m.codebook.version}.`,
    "",
    "### Measures",
    "",
  ];
  for (const x of m.measures)
    out.push(
      `- **${x.name}** (${x.unit}): ${x.how}${x.rules.length ? ` Rules: ${x.rules.map((r) => `\`${r}\``).join(", ")}.` : ""}`,
    );
  out.push("", "### Accuracy", "");
  if (!m.accuracy) out.push("Not measured yet (run `npm run eval`).");
  else {
    out.push(
      `Measured ${m.accuracy.date ?? "(date not recorded)"} by \`npm run eval\` on the shared dev sets.`,
      "",
      "| measure | value |",
      "|---|---|",
    );
    for (const r of m.accuracy.rows) out.push(`| ${cell(r.label)} | ${r.value} |`);
  }
  out.push("", "### Lexicons", "", "| lexicon | version | entries | origin | licence |", "|---|---|---|---|---|");
  for (const l of m.lexicons)
    out.push(
      `| \`${l.file}\` (${l.name}) | ${l.version} | ${l.entries.toLocaleString("en-GB")} | ${cell(l.origin)} | ${cell(l.licence)} |`,
    );
  out.push(
    "",
    "### Rules",
    "",
    `${m.ruleCounts.all} rules, ${m.ruleCounts.attribution} of them attribution rules (counted from the registries). For attribution rules, the attributions each made on PolNeAR train and their precision (content overlap ≥ 0.3), from the last \`npm run eval\`.`,
    "",
    "| rule | what it does | PolNeAR train: attributions, precision |",
    "|---|---|---|",
  );
  for (const r of m.rules)
    out.push(
      `| \`${r.id}\` | ${cell(r.sentence)} | ${r.train ? `${r.train.count}, ${r.train.precisionAt03 === null ? "–" : r.train.precisionAt03.toFixed(3)}` : ""} |`,
    );
  out.push("", `### Codebook (${m.codebook.version})`, "", m.codebook.origin, "");
  for (const s of m.codebook.sections) {
    out.push(`**${s.title}**`, "");
    for (const e of s.entries) out.push(`- *${e.label}* (\`${e.id}\`): ${e.definition}`);
    out.push("");
  }
  return out.join("\n").trimEnd() + "\n";
}
