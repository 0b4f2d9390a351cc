// `npx tsx scripts/heuristic-mutations.ts [name …]`: the heuristics the attribution engine inlined when its
// TUNING switches went (commit bc01a6b), each switched off in turn by an exact text patch on its source file;
// the focused sourcing tests must then fail. The file is restored after every run, even on error or Ctrl-C.
// Prints heuristic → the test that pins it; exit code 1 when one is pinned by none. Slow (a test run per
// heuristic), so it is not part of `npm test`. The PolNeAR and BASIL floors are left out: they are a second net.
import fs from "node:fs";
import path from "node:path";
import { startVitest } from "vitest/node";

interface Patch {
  file: string;
  search: string;
  replace: string;
  /** How many times `search` occurs in the file (all are replaced); 1 unless said. */
  times?: number;
}
interface Heuristic {
  /** The TUNING switch that guarded it, with the site when one switch guarded several conditions. */
  name: string;
  what: string;
  patches: Patch[];
}

const A = "app/analysis/attribution/";
const CLAUSES = A + "clauses.ts";
const CUE_CONTENT = A + "cue-content.ts";
const NOUN_PHRASES = A + "noun-phrases.ts";
const PHRASES = A + "phrases.ts";
const PASSES = A + "passes.ts";
const SCAN = A + "scan.ts";
const R = A + "rules/";
const VERB_CUE = R + "verb-cue.ts";
const VERB_PARTS = R + "verb-cue-parts.ts";
const PARTICIPLE_SUBJECT = R + "participle-subject.ts";
const TAGGER = R + "tagger-slips.ts";
const NOUN_CUES = R + "noun-cues.ts";
const UNNAMED = R + "unnamed.ts";
const LABELS = R + "speaker-labels.ts";
const SOURCES = "app/analysis/sources.ts";

/** `cond &&` → `false && cond &&`: the condition the switch guarded never holds. */
function off(file: string, search: string): Patch {
  return {
    file,
    search,
    replace: search.replace(/^(\s*(?:if \(|const \w+ =\s*|when: \([^)]*\) =>\s*)?)/, "$1false && "),
  };
}

export const HEURISTICS: Heuristic[] = [
  // clauses.ts: where a reported clause ends (clauseEnd, clauseFollows, endsClause)
  {
    name: "dashPair",
    what: "Inside a dash pair the content ends at the closing dash.",
    patches: [{ file: CLAUSES, search: "inDashPair = dashes % 2 === 1;", replace: "inDashPair = false;" }],
  },
  {
    name: "commaClause",
    what: "“, the senator added …”: a new main clause after a comma ends the content.",
    patches: [
      {
        file: CLAUSES,
        search: "      if (\n        !frontSub &&\n        (n1.pos",
        replace: "      if (\n        false &&\n        !frontSub &&\n        (n1.pos",
      },
    ],
  },
  {
    name: "commaClauseNp",
    what: "A comma clause ends a noun-phrase content even before any verb was seen.",
    patches: [
      {
        file: CLAUSES,
        search: "(verbSeen || (!clausal && m > k + 1",
        replace: "(verbSeen || (false && !clausal && m > k + 1",
      },
    ],
  },
  {
    name: "butClause",
    what: "“, but her plan would …”: a contrasting clause with its own subject ends the content.",
    patches: [off(CLAUSES, 'if (!frontSub && verbSeen && (l1 === "but"')],
  },
  {
    name: "rel",
    what: "“, which/who/where …” ends the content.",
    patches: [off(CLAUSES, 'if ((l1 === "which" || l1 === "who" || l1 === "where")')],
  },
  {
    name: "clausalRel",
    what: "A reported clause with its own subject keeps a relative clause that reports nothing.",
    patches: [
      { file: CLAUSES, search: "!(clausal && !relativeHasCue(", replace: "!(false && clausal && !relativeHasCue(" },
    ],
  },
  {
    name: "coord",
    what: "“and/but” + a finite verb (a new coordinated predicate) ends the content.",
    patches: [off(CLAUSES, 'if ((lower[m] === "and" || lower[m] === "but" || lower[m] === "yet") && m + 1 <= b)')],
  },
  {
    name: "coordYet (clause end)",
    what: "“yet” + a finite verb ends the content like “and”/“but”.",
    patches: [
      {
        file: CLAUSES,
        search: '|| lower[m] === "yet") && m + 1 <= b',
        replace: '|| (false && lower[m] === "yet")) && m + 1 <= b',
      },
    ],
  },
  {
    name: "clausalCoord",
    what: "A reported clause with its own subject keeps its coordinated verbs that are no cues.",
    patches: [
      {
        file: CLAUSES,
        search: "!((clausal || relSeen) && !lookupCue(",
        replace: "!(false && (clausal || relSeen) && !lookupCue(",
      },
    ],
  },
  {
    name: "relCoord",
    what: "A verb coordinated inside a relative clause (“in which contestants were given tasks and competed”) does not end the content.",
    patches: [{ file: CLAUSES, search: "(clausal || relSeen)", replace: "(clausal || (false && relSeen))" }],
  },
  {
    name: "infNoClause",
    what: "“know the way to …”: an infinitive is no finite clause after the cue.",
    patches: [
      {
        file: CLAUSES,
        search: 'u.pos === "SCONJ" || lower[m] === "to")',
        replace: 'u.pos === "SCONJ" || (false && lower[m] === "to"))',
      },
    ],
  },
  {
    name: "ccVerbNoClause",
    what: "“a veto and attempted …”: a verb after a conjunction opens a second predicate, not a clause.",
    patches: [off(CLAUSES, 'if (u.pos === "CCONJ" && m + 1 <= b')],
  },
  {
    name: "auxEndsClause",
    what: "After a post-position speaker, an auxiliary means the clause goes on (no “…, X said” reading).",
    patches: [
      {
        file: CLAUSES,
        search: 'ctx.lower[m] === "that" || ctx.tok.tokens[m]!.pos === "AUX") return false;',
        replace: 'ctx.lower[m] === "that" || (false && ctx.tok.tokens[m]!.pos === "AUX")) return false;',
      },
    ],
  },
  // cue-content.ts: what a cue reports after it
  {
    name: "dayAfterCue",
    what: "“weighed in Friday about …”: a day after a non-speech cue is a time phrase.",
    patches: [off(CUE_CONTENT, 'if (cls !== "speech") while (k <= b && DAY_WORDS')],
  },
  {
    name: "lightVerb",
    what: "“expressed misgivings about X”: after a light verb and a stance noun the content follows the preposition.",
    patches: [off(CUE_CONTENT, "if (LIGHT_VERBS.has(lemma)) {")],
  },
  {
    name: "npObject",
    what: "A cue with a noun-phrase object: the content is the phrase, not the adverbials after it.",
    patches: [
      off(
        CUE_CONTENT,
        'if (!OBJECT_CUES.has(lemma) && lemma !== "say" && lemma !== "add") {\n    const e = nounObjectEnd',
      ),
    ],
  },
  // noun-phrases.ts and according-to.ts: the speaker phrase
  {
    name: "dashRel",
    what: "“X — who …”: a dash before a relative pronoun works like a comma to find the antecedent.",
    patches: [
      {
        file: NOUN_PHRASES,
        search: "isCommaLike(lower[j - 1]!) && j - 2 >= a",
        replace: 'lower[j - 1] === "," && j - 2 >= a',
      },
    ],
  },
  {
    name: "possRight",
    what: "“according to their attorneys”: a possessive opens the phrase after “according to”.",
    patches: [
      {
        file: NOUN_PHRASES,
        search: "    !(\n      nounVerbs &&",
        replace: "    !(\n      false &&\n      nounVerbs &&",
      },
    ],
  },
  {
    name: "hyphenNp",
    what: "“Vietnam-era veterans”: a hyphenated compound stays inside the phrase after the cue.",
    patches: [
      {
        file: NOUN_PHRASES,
        search: '      u.value === "-" &&\n      m > k &&',
        replace: '      false &&\n      u.value === "-" &&\n      m > k &&',
      },
    ],
  },
  {
    name: "dashAppos",
    what: "Dashes set off an appositive like commas (“Pell — an aide — said”).",
    patches: [
      {
        file: NOUN_PHRASES,
        search: 'return v === "," || v === "--" || v === "—" || v === "–";',
        replace: 'return v === ",";',
      },
    ],
  },
  {
    name: "accNounVerb",
    what: "“according to exit polls”: a noun the tagger reads as a verb opens the phrase.",
    patches: [
      { file: R + "according-to.ts", search: "npRight(ctx, i + 2, b, true)", replace: "npRight(ctx, i + 2, b, false)" },
    ],
  },
  // phrases.ts: the subject before a cue
  {
    name: "coordYet (left modifiers)",
    what: "“yet” before a cue is not skipped as an adverb.",
    patches: [{ file: PHRASES, search: '!(lw === "yet")', replace: '!(false && lw === "yet")' }],
  },
  {
    name: "contraction",
    what: "“he's claiming”: a contracted is/has after a pronoun is skipped before the cue.",
    patches: [
      {
        file: PHRASES,
        search: '    else if (\n      (lw === "\'s" || lw === "’s") &&',
        replace: '    else if (\n      false &&\n      (lw === "\'s" || lw === "’s") &&',
      },
    ],
  },
  {
    name: "askedFront (finite verb)",
    what: "A sentence-opening “Asked …” is a participle, not a finite verb.",
    patches: [off(PHRASES, 'if (m === a && ctx.lower[m] === "asked") continue;')],
  },
  {
    name: "possApos",
    what: "“veterans' families”: an apostrophe after a plural is a possessive, not a quote mark.",
    patches: [
      {
        file: PHRASES,
        search: "        (k > a && /s$/i.test(tokens[k - 1]!.value)",
        replace: "        (false && k > a && /s$/i.test(tokens[k - 1]!.value)",
      },
    ],
  },
  {
    name: "whoAppositive",
    what: "“, who …,”: a relative “who” makes the noun before it a person in an appositive source.",
    patches: [
      {
        file: PHRASES,
        search: 'const personRel = ctx.lower[k + 1] === "who"',
        replace: 'const personRel = false && ctx.lower[k + 1] === "who"',
      },
    ],
  },
  // rules/verb-cue.ts: the reporting-verb matcher
  {
    name: "anonymityRequest (cue)",
    what: "“asked not to be named”: a request for anonymity is no cue.",
    patches: [off(VERB_CUE, "if (ANONYMITY_VERBS.has(lemma) && anonymityRequestEnd(")],
  },
  {
    name: "objControl",
    what: "“forced the banker to admit …”: the object of the first verb is the source.",
    patches: [off(VERB_CUE, 'if (prev === "to" && i - 2 >= a && cls !== "evidence") {')],
  },
  {
    name: "adjControl",
    what: "“she was able to tout …”: an adjective of ability after “be” passes its subject on.",
    patches: [
      {
        file: VERB_CUE,
        search: "const adjControl =\n      i - 3 >= a",
        replace: "const adjControl =\n      false &&\n      i - 3 >= a",
      },
    ],
  },
  {
    name: "hasParticle",
    what: "“who's called for …”: a contracted “has” before a particle cue is no passive.",
    patches: [
      {
        file: VERB_CUE,
        search: "const hasContracted =\n    found.withParticle &&",
        replace: "const hasContracted =\n    false &&\n    found.withParticle &&",
      },
    ],
  },
  {
    name: "clauseOnly",
    what: "Cues that report only a clause (not a noun object) need “that” or a clause after them.",
    patches: [
      {
        file: VERB_CUE,
        search: "(CLAUSE_ONLY_CUES.has(lemma) && !withParticle)",
        replace: "(false && CLAUSE_ONLY_CUES.has(lemma) && !withParticle)",
      },
    ],
  },
  {
    name: "knowClause",
    what: "“know he was there”: a clause without “that” after know/feel counts as content.",
    patches: [
      {
        file: VERB_CUE,
        search: "    !clauseFollows(ctx, i + 1, b)\n",
        replace: "    !(false && clauseFollows(ctx, i + 1, b))\n",
      },
    ],
  },
  {
    name: "byIng",
    what: "“by/while/after saying …”: a participle after these takes the sentence's subject.",
    patches: [
      { file: VERB_CUE, search: "const byIng =\n    isIng &&", replace: "const byIng =\n    false &&\n    isIng &&" },
    ],
  },
  {
    name: "frontIng",
    what: "“Citing a report, the mayor said …”: a participle opening the sentence takes the subject after its comma.",
    patches: [
      {
        file: VERB_CUE,
        search: "  if (\n    isIng &&\n    (j < a ||",
        replace: "  if (\n    false &&\n    isIng &&\n    (j < a ||",
      },
    ],
  },
  {
    name: "inversionSayLike (verb)",
    what: "Inversion (“…, said X”) only for say-like verbs or after a quotation.",
    patches: [
      {
        file: VERB_CUE,
        search: "(SAY_LIKE.has(lemma) || ctx.quotes.byEnd.has(tokens[j]!.end)",
        replace: "(true || SAY_LIKE.has(lemma) || ctx.quotes.byEnd.has(tokens[j]!.end)",
      },
    ],
  },
  {
    name: "inversionSayLike (clause before)",
    what: "Unquoted content before an inverted “said X” must be a clause.",
    patches: [{ file: VERB_CUE, search: "let clauseBefore = /", replace: "let clauseBefore = true || /" }],
  },
  {
    name: "quoteScan (inversion)",
    what: "After “…,” said X, later quotations continue the content, found by scanning the sentence.",
    patches: [
      {
        file: VERB_CUE,
        search: "[pieces, ...contentAfterPost(ctx, np[1] + 1, b, true)]",
        replace: "[pieces, ...contentAfterPost(ctx, np[1] + 1, b).filter((x) => startsWithQuote(text, x.start))]",
      },
    ],
  },
  {
    name: "quoteScan (post-position)",
    what: "After “…,” she said, later quotations continue the content, found by scanning the sentence.",
    patches: [
      {
        file: VERB_CUE,
        search: "const rest = quoted ? contentAfterPost(ctx, cueEndTok + 1, b, true) :",
        replace:
          "const rest = quoted ? contentAfterPost(ctx, cueEndTok + 1, b).filter((x) => startsWithQuote(text, x.start)) :",
      },
    ],
  },
  {
    name: "quoteRest",
    what: "After a quotation and “she said”, only another quotation continues her words.",
    patches: [
      {
        file: VERB_CUE,
        search:
          "const rest = quoted ? contentAfterPost(ctx, cueEndTok + 1, b, true) : contentAfterPost(ctx, cueEndTok + 1, b);",
        replace: "const rest = contentAfterPost(ctx, cueEndTok + 1, b);",
      },
    ],
  },
  {
    name: "relGap",
    what: "“the policies she supported”: a cue in a relative clause with its object gapped is no attribution.",
    patches: [off(VERB_CUE, 'if (cls !== "speech" && !coordinated && np[0] - 1 >= a) {')],
  },
  {
    name: "postEvidence",
    what: "“…, the survey shows.”: evidence cues in post-position, like speech cues.",
    patches: [
      {
        file: VERB_CUE,
        search: '(cls === "speech" || cls === "evidence") &&\n    !coordinated &&',
        replace: '(cls === "speech" || (false && cls === "evidence")) &&\n    !coordinated &&',
      },
    ],
  },
  {
    name: "frontedPost",
    what: "“In her 2004 memoir, Pell noted …”: a fronted phrase with no finite verb is no reported clause.",
    patches: [
      {
        file: VERB_CUE,
        search: "const frontedOnly =\n      !!pieces &&",
        replace: "const frontedOnly =\n      false &&\n      !!pieces &&",
      },
    ],
  },
  {
    name: "askedFront (fronted only)",
    what: "“Asked about the levy, the mayor said”: the “Asked …” phrase is no reported clause.",
    patches: [
      {
        file: VERB_CUE,
        search: '|| (lower[a] === "asked" && ASKED_NEXT',
        replace: '|| (false && lower[a] === "asked" && ASKED_NEXT',
      },
    ],
  },
  {
    name: "postAgent",
    what: "Unquoted content before “, X said” needs a speaker-like X (“talks go on” is no report).",
    patches: [
      {
        file: VERB_CUE,
        search: '(endsWithQuote(text, pieces.end) ||\n        lower[np[1]] === "it" ||',
        replace: '(endsWithQuote(text, pieces.end) ||\n        true ||\n        lower[np[1]] === "it" ||',
      },
    ],
  },
  {
    name: "relSource",
    what: "“the senator, who said …”: the shown source runs from the antecedent to the relative pronoun.",
    patches: [off(R + "reporting-verbs.ts", "if (att.sourceTok && att.source) {")],
  },
  // rules/verb-cue-parts.ts
  {
    name: "quantAdverb",
    what: "“Most believe …”: a clause-opening quantifier the tagger read as an adverb is the speaker.",
    patches: [off(VERB_PARTS, "if (\n    !np &&\n    q < tokens.length &&")],
  },
  {
    name: "quantOf",
    what: "“Many of them think”, “Some 56 percent of voters said”: the quantity before “of” belongs to the speaker.",
    patches: [off(VERB_PARTS, 'if (QUANT_SUBJECTS.has(lk) || PARTITIVES.has(lk) || tokens[k]!.pos === "NUM") {')],
  },
  {
    name: "quantOfHead",
    what: "“Many of them”: a quantifier with “of” heads a speaker phrase whatever noun or pronoun follows.",
    patches: [
      off(
        PHRASES,
        'if (np[1] - np[0] >= 2 && QUANT_SUBJECTS.has(lower[np[0]]!) && lower[np[0] + 1] === "of") return true;',
      ),
    ],
  },
  {
    name: "polled",
    what: "“voters polled said”, “those surveyed said”: a polling participle after a group ends the speaker phrase.",
    patches: [off(VERB_PARTS, "if (POLLED.has(lower[j]!) && j - 1 >= a) {")],
  },
  {
    name: "timeGap",
    what: "“The Ledger on Saturday wrote …”: a time phrase between subject and cue is skipped.",
    patches: [off(VERB_PARTS, "if (!isIng) {\n    const g = skipTimeGap")],
  },
  {
    name: "postModifier",
    what: "“The latest poll released Friday shows …”: a participle phrase after the subject's head.",
    patches: [off(VERB_PARTS, "if (!isIng && j >= a && (!np || !subjectOk(ctx, np, cls))) {")],
  },
  {
    name: "anonymityRequest (subject)",
    what: "“An official who asked not to be named said …”: the subject stands before the relative clause.",
    patches: [off(VERB_PARTS, "if (!isIng && j > a) {\n    const w = anonymityClauseBefore")],
  },
  {
    name: "coordYet (shared subject)",
    what: "“X … yet/or says …”: a cue after “yet”/“or” shares the sentence's subject.",
    patches: [{ file: VERB_PARTS, search: 'lower[j] === "yet" || lower[j] === "or"', replace: "false" }],
  },
  {
    name: "advContent",
    what: "“she said at a forum”: a time or place phrase is no reported content.",
    patches: [off(VERB_PARTS, "if (!withParticle) {\n    const f = tokenAt")],
  },
  {
    name: "particleContent",
    what: "“the city backed out”: a phrasal verb's particle is no content.",
    patches: [off(VERB_PARTS, "if (f >= 0 && f === k && PARTICLE_WORDS.has(lower[f]!)")],
  },
  {
    name: "whatSays",
    what: "“what the mayor says the levy would do”: the fronted “what” is part of the reported clause.",
    patches: [off(VERB_PARTS, 'if (cls === "speech" && !direct && np[0] - 1 >= a && lower[np[0] - 1] === "what"')],
  },
  {
    name: "quoteRelativeSpeaker",
    what: "“…,” said a data expert who has worked …: after a closed quotation a relative clause describes the speaker.",
    patches: [
      {
        file: VERB_CUE,
        search: "(endsClause(ctx, np[1] + 1, b, lemma) || relativeAfter)",
        replace: "(endsClause(ctx, np[1] + 1, b, lemma) || (false && relativeAfter))",
      },
    ],
  },
  // rules/tagger-slips.ts: a cue the tagger read as a noun or adjective
  {
    name: "idiomSlip",
    what: "“Ann Vole cast doubt on …”: a verb read as a noun before two or more fixed words of a listed idiom.",
    patches: [
      {
        file: TAGGER,
        search: "  if (\n    idiom &&\n    idiom.extra >= 2 &&",
        replace: "  if (\n    false &&\n    idiom &&\n    idiom.extra >= 2 &&",
      },
    ],
  },
  {
    name: "pluralBare",
    what: "“Polls show a close race”: a plural subject before a bare cue read as a noun.",
    patches: [
      {
        file: TAGGER,
        search: "const pluralSubject =\n    !guess &&",
        replace: "const pluralSubject =\n    false &&\n    !guess &&",
      },
    ],
  },
  {
    name: "plansTo",
    what: "“The campaign plans to send …”: a cue read as a noun before an infinitive.",
    patches: [
      {
        file: TAGGER,
        search: "const plansTo =\n    !!guess &&",
        replace: "const plansTo =\n    false &&\n    !!guess &&",
      },
    ],
  },
  {
    name: "bareEvidence",
    what: "“Records show he …”: a bare cue read as a noun before a clause.",
    patches: [
      {
        file: TAGGER,
        search: "const bareClause =\n    !guess &&",
        replace: "const bareClause =\n    false &&\n    !guess &&",
      },
    ],
  },
  {
    name: "bareNoun",
    what: "“they plan a rally”: a bare verb read as a noun after a pronoun or coordinated subject.",
    patches: [
      {
        file: TAGGER,
        search: "  if (\n    !guess &&\n    afterSubject &&",
        replace: "  if (\n    false &&\n    !guess &&\n    afterSubject &&",
      },
    ],
  },
  // rules/noun-cues.ts
  {
    name: "possComplement (relative)",
    what: "“his plan that matches …” is a relative clause, not a complement.",
    patches: [
      off(NOUN_CUES, 'if (ln === "that" && after && (after.pos === "VERB" || after.pos === "AUX")) return null;'),
    ],
  },
  {
    name: "possComplement (phrase)",
    what: "“her commitment to the group”: “to” + a noun phrase is no infinitive.",
    patches: [
      {
        file: NOUN_CUES,
        search: '    ln === "to" &&\n    after &&',
        replace: '    false &&\n    ln === "to" &&\n    after &&',
      },
    ],
  },
  {
    name: "possSubject",
    what: "“His plan to widen the road angered residents”: the infinitive ends before the main verb.",
    patches: [
      {
        file: NOUN_CUES,
        search: '    ln === "to" &&\n    (src[0] === a ||',
        replace: '    false &&\n    ln === "to" &&\n    (src[0] === a ||',
      },
    ],
  },
  {
    name: "nounThat",
    what: "“amid fears that …”: a complement clause of a stance noun with no possessor.",
    patches: [
      {
        file: NOUN_CUES,
        search: '  when: (ctx, i, _a, b) =>\n    ctx.tok.tokens[i]!.pos === "NOUN" && ctx.lower[i + 1] === "that"',
        replace:
          '  when: (ctx, i, _a, b) =>\n    false && ctx.tok.tokens[i]!.pos === "NOUN" && ctx.lower[i + 1] === "that"',
      },
    ],
  },
  // rules/unnamed.ts and the other rule families that a switch guarded
  {
    name: "facedCriticism",
    what: "“the agency has faced criticism for …”: criticism with no one named.",
    patches: [
      {
        file: UNNAMED,
        search: "    FACE_VERBS.has(lemmaAt(ctx, i)) &&",
        replace: "    false &&\n    FACE_VERBS.has(lemmaAt(ctx, i)) &&",
      },
    ],
  },
  {
    name: "askedFront (matcher)",
    what: "“Asked about the levy, …”: the question put, with no one named as asking.",
    patches: [off(UNNAMED, 'when: (ctx, i, a, b) => ctx.lower[i] === "asked" && i === a')],
  },
  {
    name: "passiveSubject",
    what: "“Hundreds of fish are said to have died”: the subject is part of what is reported.",
    patches: [
      {
        file: UNNAMED,
        search: "const subj = auxTok - 1 >= a ? npLeft(",
        replace: "const subj = false && auxTok - 1 >= a ? npLeft(",
      },
    ],
  },
  {
    name: "passiveEval",
    what: "“Peacekeepers have been accused of …”: an evaluative passive with no agent.",
    patches: [
      {
        file: UNNAMED,
        search: '  when: (ctx, i, a) =>\n    ctx.tok.tokens[i]!.pos === "VERB" &&\n    PASSIVE_EVAL',
        replace: '  when: (ctx, i, a) =>\n    false &&\n    ctx.tok.tokens[i]!.pos === "VERB" &&\n    PASSIVE_EVAL',
      },
    ],
  },
  {
    name: "seem",
    what: "“The plan seems to be failing”: an appearance with no one to hold it.",
    patches: [off(UNNAMED, 'when: (ctx, i) => isVerb(ctx, i) && (lemmaAt(ctx, i) === "seem"')],
  },
  {
    name: "seemNested",
    what: "“seem” is a stance cue, so inside someone's speech it is dropped as nested.",
    patches: [
      {
        file: UNNAMED,
        search: '    cueClass: "stance",\n    cueStance: "neutral",\n    content,\n    rule: "unnamed.seem",',
        replace: '    cueClass: "unnamed",\n    cueStance: "neutral",\n    content,\n    rule: "unnamed.seem",',
      },
    ],
  },
  {
    name: "passiveAgent",
    what: "“The plan was endorsed by the union”: the agent is the source.",
    patches: [
      off(
        R + "passive-agent.ts",
        'when: (ctx, i, a) => ctx.tok.tokens[i]!.pos === "VERB" && ctx.lower[i + 1] === "by"',
      ),
    ],
  },
  {
    name: "inEvidence",
    what: "“In the latest poll, Vane leads …”: a poll opening the sentence is the source.",
    patches: [off(R + "in-evidence.ts", 'when: (ctx, i, a, b) => ctx.lower[i] === "in" && i === a')],
  },
  {
    name: "adjCue",
    what: "“Aides were wary of …”: a stance adjective is a cue.",
    patches: [off(R + "stance-adjectives.ts", 'when: (ctx, i, a) => ctx.tok.tokens[i]!.pos === "ADJ" && i > a')],
  },
  {
    name: "labelStop",
    what: "“Correction:”, “Update:”: editorial labels are no speakers.",
    patches: [off(LABELS, "if (NOT_SPEAKER_LABELS.has(")],
  },
  {
    name: "invertedLabel",
    what: "“Said Ellis: …”: an inverted speech verb before the speaker and a colon.",
    patches: [{ file: LABELS, search: "const verb = k - first >= 2", replace: "const verb = false && k - first >= 2" }],
  },
  {
    name: "titleLabel",
    what: "“The Gap Goes On:”: a section title with a verb, article or preposition is no speaker.",
    patches: [off(LABELS, "if (!inverted && k - first >= 3) {")],
  },
  {
    name: "dashScan",
    what: "Dash credits found by scanning the marks, beyond the quotation finder's pairs.",
    patches: [
      {
        file: R + "dash-credits.ts",
        search: "  dashCreditsByMarks(ctx, out);\n}",
        replace: "  if (false) dashCreditsByMarks(ctx, out);\n}",
      },
    ],
  },
  // passes over what was found (scan.ts, passes.ts)
  {
    name: "relEnd",
    what: "“Ola Brant, who said the levy was unfair, left early”: a report in a non-restrictive relative clause ends with it.",
    patches: [{ file: PASSES, search: "      if (!closes) continue;", replace: "      if (true) continue;" }],
  },
  {
    name: "contParas",
    what: "Quoted paragraphs with no cue continue the quotation just before them.",
    patches: [
      {
        file: SCAN,
        search: "  continuationParagraphs(ctx, out);",
        replace: "  if (false) continuationParagraphs(ctx, out);",
      },
    ],
  },
  {
    name: "coordSplit",
    what: "“X said A, and Y noted that B”: the first content stops before the conjunction.",
    patches: [{ file: SCAN, search: "dropNested(splitCoordinated(ctx, out))", replace: "dropNested(out)" }],
  },
  {
    name: "nested",
    what: "A stance reported inside someone's speech is part of that speech, not a second attribution.",
    patches: [
      {
        file: SCAN,
        search: "dedupe(dropNested(splitCoordinated(ctx, out)))",
        replace: "dedupe(splitCoordinated(ctx, out))",
      },
    ],
  },
  {
    name: "nestedEvidence",
    what: "An evidence cue inside someone's speech is dropped as nested.",
    patches: [
      {
        file: PASSES,
        search: '          x.cueClass === "evidence" ||',
        replace: '          (false && x.cueClass === "evidence") ||',
      },
    ],
  },
  {
    name: "nestedSpeech",
    what: "A “said that” inside someone's speech is dropped as nested.",
    patches: [
      {
        file: PASSES,
        search: '(x.cueClass === "speech" && x.rule === "indirect.said-that") ||',
        replace: '(false && x.cueClass === "speech" && x.rule === "indirect.said-that") ||',
      },
    ],
  },
  {
    name: "nestedNoComment",
    what: "A non-response inside someone's speech (“his lawyer said he would not answer questions”) is dropped as nested.",
    patches: [{ file: PASSES, search: '          x.aside === "no_comment") &&', replace: "          false) &&" }],
  },
  {
    name: "nonResponseNegation",
    what: "“respond”/“return” is a non-response only with a negation just before it.",
    patches: [
      {
        file: R + "asides.ts",
        search: "return UNANSWERED.test(after) && NEGATION.test(",
        replace: "return UNANSWERED.test(after) || NEGATION.test(",
      },
    ],
  },
  {
    name: "dashQuotation",
    what: "A paragraph opening with an em dash is a quotation, closed before an inserted “said X”.",
    patches: [
      {
        file: "app/analysis/quotes.ts",
        search: 'if ((d !== "\\u2014" && d !== "\\u2015") ||',
        replace: "if (true ||",
      },
    ],
  },
  {
    name: "nounDup",
    what: "“says her belief that …”: a noun complement already another attribution's content is dropped.",
    patches: [
      {
        file: PASSES,
        search: '    list = list.filter(\n      (x) =>\n        x.rule !== "noun.complement"',
        replace: '    if (false) list = list.filter(\n      (x) =>\n        x.rule !== "noun.complement"',
      },
    ],
  },
  // Coreference of sources (sources.ts, source-coreference.ts): gender, the nearest speaker, shared subjects, role nouns.
  {
    name: "pronounGender",
    what: "“she” and “he” skip a source whose title, role word or given name says otherwise (unknown matches both).",
    patches: [
      {
        file: SOURCES,
        search: "const pg = pronounGender(p.head);",
        replace: "const pg = null as Gender | null;",
      },
    ],
  },
  {
    name: "previousParagraphSpeaker",
    what: "A gendered pronoun goes to a compatible person named in the paragraph before, after the last candidate.",
    patches: [
      {
        file: SOURCES,
        search: "if (pn !== pm && (pg === null || pn !== pm - 1)) return undefined;",
        replace: "if (pn !== pm) return undefined;",
      },
    ],
  },
  {
    name: "sharedSubject",
    what: "“She warned … and said …”: one source phrase of two cues is one source.",
    patches: [
      {
        file: SOURCES,
        search: "const shared = sameSpan.get(spanKey);",
        replace: "const shared = undefined as Working | undefined;",
      },
    ],
  },
  {
    name: "roleNounHolder",
    what: "“the mayor” goes to the name the text gives that title (“Mayor Odile Fenn”).",
    patches: [
      {
        file: SOURCES,
        search: "(ent = roleAntecedent(p.head, m, !BODY_NOUNS.has(p.head), describedModifiers(m.tokens, p.head)))",
        replace: "false",
      },
    ],
  },
  {
    name: "principalOfRole",
    what: "“the Green mayor's campaign” is the campaign of the person the text calls mayor (“the Brannock campaign”).",
    patches: [{ file: SOURCES, search: "(principal = principalRole(m.tokens)) &&", replace: "false &&" }],
  },
  {
    name: "roleAbbreviations",
    what: "A title abbreviation before a name gives its role (“Gov. Ann Roe” is the governor).",
    patches: [
      {
        file: "app/analysis/source-coreference.ts",
        search: "const abbr = (ROLE_ABBREVIATIONS.get(role) ?? []).flatMap",
        replace: "const abbr = ([] as string[]).flatMap",
      },
    ],
  },
  {
    name: "formerHolderApart",
    what: "“the former president” is never a holder the text gives the title without “former”, nor the other way round.",
    patches: [
      {
        file: "app/analysis/source-coreference.ts",
        search: "if (given.some((w) => FORMER.has(w)) !== described.some((w) => FORMER.has(w))) return false;",
        replace: "",
      },
    ],
  },
  {
    name: "partyWordsAgree",
    what: "“the Republican governor” is never a holder the text calls Democratic, nor the other way round.",
    patches: [
      {
        file: "app/analysis/source-coreference.ts",
        search: "return !gp || !dp || gp === dp;",
        replace: "return true;",
      },
    ],
  },
  {
    name: "relativeClauseHead",
    what: "“The former president, who led the country from 2000 to 2006”: the head comes before the relative clause.",
    patches: [
      {
        file: SOURCES,
        search: 'const headTok = content[(rel > 0 ? rel : content.length) - 1] ?? "";',
        replace: 'const headTok = content[content.length - 1] ?? "";',
      },
    ],
  },
  {
    name: "campaignIsBody",
    what: "“the campaign”, “the team” are bodies called after a person, never the last person who spoke.",
    patches: [
      {
        file: SOURCES,
        search:
          "          if (PRINCIPAL_BODIES.has(p.head)) return !e.person && normaliseName(e.name).split(/\\s+/).includes(p.head);\n",
        replace: "",
      },
      {
        file: SOURCES,
        search: "INSTITUTION_WORDS.has(p.head) || PRINCIPAL_BODIES.has(p.head) ? ent",
        replace: "INSTITUTION_WORDS.has(p.head) ? ent",
      },
    ],
  },
  {
    name: "ownDescriptionHead",
    what: "A description fits a source by its own head noun (“an adviser to the coalition” is no coalition).",
    patches: [
      {
        file: SOURCES,
        search: "(end > 0 ? ws.slice(0, end) : ws).includes(head)",
        replace: "ws.includes(head)",
      },
    ],
  },
  {
    name: "possessorSource",
    what: "“Orsk’s vow to …”: a name's possessive before the reporting noun is the named source.",
    patches: [
      {
        file: SOURCES,
        search: "const p = parseMention(possessor(input.tokens, m) ?? m.tokens);",
        replace: "const p = parseMention(m.tokens);",
      },
    ],
  },
  {
    name: "bracketedAside",
    what: "“Roe (of all people) said”: a bracketed aside opening with a preposition is no description of the source.",
    patches: [
      {
        file: SOURCES,
        search: 'if (opener === "(" && appo[0]?.pos === "ADP") appoText = "";',
        replace: "",
      },
    ],
  },
  {
    name: "groupNounHolder",
    what: "“the group's leaders” go to the body the text calls a group (“the Brenna Valley Alliance, a farmers' group”).",
    patches: [
      {
        file: SOURCES,
        search: "ent = roleAntecedent(p.author, m, false);",
        replace: "ent = undefined;",
      },
    ],
  },
  {
    name: "movementFits",
    what: "“the movement” goes only to a body the text calls a movement, “the group” never to a state institution.",
    patches: [
      {
        file: SOURCES,
        search: '`${normaliseName(e.name)} ${normaliseName(e.description ?? "")}`.includes("movement")',
        replace: "true",
      },
    ],
  },
  {
    name: "roleHolderGuards",
    what: "A role noun after a preposition, or a day or month before the comma, names no role holder.",
    patches: [
      {
        file: "app/analysis/source-coreference.ts",
        search: "/^(?:VERB|AUX|ADP|SCONJ|PRON)$/.test(tokens[j]!.pos)",
        replace: "/^(?:VERB|AUX)$/.test(tokens[j]!.pos)",
      },
      { file: "app/analysis/source-coreference.ts", search: "!CALENDAR.test(t.value);", replace: "true;" },
    ],
  },
  {
    name: "activityRelative",
    what: "“Roe, who has run a bakery there for 20 years”: a relative clause of a private life → ordinary_person (weak).",
    patches: [
      {
        file: SOURCES,
        search: "return COPULAR_RELATIVE.test(clause) || ACTIVITY_RELATIVE.test(clause) ?",
        replace: "return COPULAR_RELATIVE.test(clause) ?",
      },
    ],
  },
  {
    name: "activityWeak",
    what: "A private-life clause gives way to an office the text states elsewhere (“Sen. Roe”).",
    patches: [
      {
        file: SOURCES,
        search: "|| activityClause(normaliseName(d)) !== null;",
        replace: "|| false;",
      },
    ],
  },
  {
    name: "ageAfterSuffix",
    what: "“Emil Varga Jr., 56,”: an age after the name (and its suffix) is a description.",
    patches: [
      {
        file: SOURCES,
        search: 'if (/^\\d{1,3}$/.test(first.value) && /^[,.;]$/.test(tokens[k + 2]?.value ?? "")) return first.value;',
        replace: "",
      },
    ],
  },
  {
    name: "bodyAppositive",
    what: "A role in a body the gazetteer does not know takes the kind the text gives the body (“X, an advocacy group”).",
    patches: [{ file: SOURCES, search: "const said = bodyLookup(", replace: "const said = false && bodyLookup(" }],
  },
  {
    name: "partyRoleBeforeName",
    what: "“Democratic donor Tom Vass”: a party word and a role noun before a name make the person a politician.",
    patches: [
      { file: SOURCES, search: "const party = partyRoleBefore(tokens, k + 1);", replace: "const party = null;" },
    ],
  },
  {
    name: "toldNeverInverts",
    what: "“…,” Roe, an aide, told HuffPost: “told” never inverts, its object is the listener.",
    patches: [{ file: VERB_CUE, search: '    lemma !== "tell" &&\n', replace: "" }],
  },
  {
    name: "staffOfPrincipal",
    what: "“Vell's chief of staff” takes the kind of Rep. Vell, a source of the text.",
    patches: [{ file: SOURCES, search: "for (const e of entities) staffOfPrincipal(e, entities);", replace: "" }],
  },
  // Names and speakers (session 5): party-state tags, "a study by X", a colon after the cue's object.
  {
    name: "falseSentenceBreaks",
    what: "A sentence break inside a party-state tag or after an abbreviation (“Sen. Ann Roe, R-S.|C., said”) is undone.",
    patches: [
      {
        file: "app/analysis/nlp.ts",
        search: "if (prev && continues && prev[1] === a - 1)",
        replace: "if (false && prev && continues && prev[1] === a - 1)",
      },
    ],
  },
  {
    name: "taggedNameBefore",
    what: "“…, with Rep. Ann Vell, D-Calif., saying …”: a name with its party tag before the participle is its subject.",
    patches: [
      {
        file: VERB_CUE,
        search: "const src = taggedNameBefore(ctx, j, a) ?? sentenceSubject(",
        replace: "const src = sentenceSubject(",
      },
    ],
  },
  {
    name: "authoredBy",
    what: "“a study by the Kestrel Institute”: a work's author after “by” belongs to the noun phrase.",
    patches: [
      {
        file: NOUN_PHRASES,
        search: '(lu === "by" && AUTHORED.has(lower[m - 1]!))',
        replace: '(false && lu === "by" && AUTHORED.has(lower[m - 1]!))',
      },
    ],
  },
  {
    name: "colonAfterObject",
    what: "“Mayor Roe told a press conference on Wednesday:” and a quotation: the listener and the time are no content.",
    patches: [
      {
        file: VERB_PARTS,
        search: '  if (\n    b > k &&\n    tokens[b]!.value === ":" &&',
        replace: '  if (\n    false &&\n    b > k &&\n    tokens[b]!.value === ":" &&',
      },
    ],
  },
  {
    name: "closeToSpeakers",
    what: "“some close to the chairman say”: those near a person are the source, not the person after “close to”.",
    patches: [
      {
        file: NOUN_PHRASES,
        search: 'pl === "to" && lower[k - 2] === "close" && CLOSE_TO_HEADS.has(lower[k - 3]!)',
        replace: "false",
      },
    ],
  },
  {
    name: "aidesToSpeakers",
    what: "“Aides to the chairman say”: a noun and “to” before the phrase carry it on to the left.",
    patches: [
      {
        file: NOUN_PHRASES,
        search: '(pl === "of" || pl === "for" || pl === "at" || pl === "from" || pl === "to") &&',
        replace: '(pl === "of" || pl === "for" || pl === "at" || pl === "from") &&',
      },
    ],
  },
  {
    name: "titleAbbreviationBreak",
    what: "“Rev. Ann Roe”: a title the tokeniser takes for a sentence end before a name continues the sentence.",
    patches: [
      {
        file: "app/analysis/nlp.ts",
        search: '((TITLE_ABBREVIATIONS.has(last) || (last === "." && TITLE_ABBREVIATIONS.has(',
        replace: '((false && (last === "." && TITLE_ABBREVIATIONS.has(',
      },
    ],
  },
  {
    name: "titleAbbreviationName",
    what: "“Maj. Ivo Marr”: a title split from its full stop is not part of the name.",
    patches: [off(SOURCES, 'if (v === "." && before && TITLE_ABBREVIATIONS.has(`${before}.`)) break;')],
  },
  {
    name: "perceivedSpeech",
    what: "“X was quoted in the Ledger as saying”, “was heard saying”: the passive subject speaks the participle.",
    patches: [{ file: VERB_CUE, search: "isIng ? perceivedSpeakerEnd(ctx, j, a) : -1", replace: "-1" }],
  },
  {
    name: "relativeHeadName",
    what: "“Ivo Marr, a professor … and director of …, who said”: the relative's head is the name before its descriptions.",
    patches: [
      {
        file: NOUN_PHRASES,
        search: 'if (!(lower[s] === "a" || lower[s] === "an") || s - 2 < a',
        replace: 'if (true || !(lower[s] === "a" || lower[s] === "an") || s - 2 < a',
      },
    ],
  },
  {
    name: "relativePronounNotHead",
    what: "“attacked Tom Vass, who he said …”: a pronoun inside a relative clause is not the clause's head.",
    patches: [
      {
        file: SOURCES,
        search: "const head = relativeAntecedent(input.tokens, m.span.start);",
        replace: "const head = null as string | null;",
      },
    ],
  },
  {
    name: "roleHolderSpeaks",
    what: "“An adviser to Vass said”: the unnamed role holder is the source, not the person named after the role.",
    patches: [{ file: SOURCES, search: "const holder = roleHolderBefore(descToks);", replace: "const holder = null;" }],
  },
  {
    name: "holdersToPhrase",
    what: "“an adviser to Vass”, “people close to Vass”: the speaker phrase goes on left over “to” after a role.",
    patches: [
      {
        file: NOUN_PHRASES,
        search: "(HOLDERS_TO.has(lower[k - 1]!) || (lower[k - 1] === ",
        replace: "(false || (false && lower[k - 1] === ",
      },
    ],
  },
  {
    name: "holderOfPrincipal",
    what: "“an aide to Sen. Vass” takes the principal's kind and side; friends and people close to him have no role.",
    patches: [
      {
        file: SOURCES,
        search: "for (const e of entities) holderOfPrincipal(e, entities, input);",
        replace: "",
      },
    ],
  },
  {
    name: "providedBy",
    what: "“according to excerpts provided by the ministry”: the issuer named after the document is the source.",
    patches: [
      off(
        R + "according-to.ts",
        'if (PROVIDED.has(ctx.lower[np[1] + 1] ?? "") && ctx.lower[np[1] + 2] === "by" && np[1] + 3 <= b) {',
      ),
    ],
  },
  {
    name: "surnameWithGivenName",
    what: "“Marr sent an e-mail … he asked”: a pronoun may take a surname the text gave earlier with a given name.",
    patches: [off(SOURCES, "if (run.length === 1) {")],
  },
  {
    name: "surnameNotQuoted",
    what: "A name inside a quotation is no speaker for a later pronoun.",
    patches: [
      { file: SOURCES, search: " || insideQuotation(input, run[0]!.start)) return false;", replace: ") return false;" },
    ],
  },
  // Names the engine missed on BASIL dev (issue 12's names target): tests/unit/analysis/sourcing-names-found.test.ts
  {
    name: "relativeOwner",
    what: "“Roe, a profiler who helped catch Ivo Marr -- who … --, told”: a name inside the who-clause is not the speaker.",
    patches: [
      { file: PHRASES, search: "return best && (relativeOwner(ctx, best[0], a, j) ?? best);", replace: "return best;" },
    ],
  },
  {
    name: "capPossessiveInName",
    what: "“Rev. Ann Hopping of Our Lady of Tarn”: a capitalised possessive inside a sentence opens a name.",
    patches: [
      {
        file: NOUN_PHRASES,
        search: '} else if (pos === "PRON" && k > a && k < j &&',
        replace: '} else if (false && pos === "PRON" && k > a && k < j &&',
      },
    ],
  },
  {
    name: "capVerbBeforeOf",
    what: "“Ann Hopping of …”: a capitalised word the tagger read as a verb still takes “of” into the name.",
    patches: [
      {
        file: NOUN_PHRASES,
        search: '(k - 1 > a && /^\\p{Lu}/u.test(tokens[k - 1]!.value) && tokens[k - 1]!.pos === "VERB"))',
        replace: '(false && tokens[k - 1]!.pos === "VERB"))',
      },
    ],
  },
  {
    name: "whichAfterComma",
    what: "“, which” after a comma is the relative even where the tagger reads a determiner.",
    patches: [
      { file: NOUN_PHRASES, search: '(lw === "which" && j > a &&', replace: '(false && lw === "which" && j > a &&' },
    ],
  },
  {
    name: "afterRelative",
    what: "“the charter, which states, …”: a cue read as a noun right after “, which” before a clause.",
    patches: [{ file: TAGGER, search: "const afterRelative =", replace: "const afterRelative = false &&" }],
  },
  {
    name: "possessiveFindsPerson",
    what: "“Mayor Ann Roe voiced her support”: a possessive pronoun finds its person as he and she do.",
    patches: [
      {
        file: SOURCES,
        search: 'if (p.head === "he" || p.head === "she" || p.head === "his" || p.head === "her")',
        replace: 'if (p.head === "he" || p.head === "she")',
      },
    ],
  },
  {
    name: "tagOrMonthNoPerson",
    what: "“R-Wis.” after a name and “in late August” are no person for a pronoun.",
    patches: [{ file: SOURCES, search: "      !noPerson &&\n", replace: "" }],
  },
  {
    name: "withSubject",
    what: "“…, with critics saying …”: the phrase after “with” is the participle's subject.",
    patches: [
      {
        file: VERB_CUE,
        search: "withSubject(ctx, j, a, b, cueEndTok, lemma, cls, base) ??",
        replace: "null ??",
      },
    ],
  },
  {
    name: "withIncludingMember",
    what: "“with some – including Sen. Ivo Marr, a lawmaker – arguing”: the named member set off by dashes.",
    patches: [off(VERB_CUE, 'if (np && ctx.lower[d + 1] === "including" && p < j) member = [p, j - 1];')],
  },
  {
    name: "principalBody",
    what: "“Marr’s team”, “Roe’s campaign”: a body called after a person is named.",
    patches: [{ file: SOURCES, search: "    PRINCIPAL_BODIES.has(last) &&", replace: "    false &&" }],
  },
  {
    name: "bodyOfPrincipal",
    what: "The campaign or team of a political figure is political.",
    patches: [{ file: SOURCES, search: "for (const e of entities) bodyOfPrincipal(e, entities, input);", replace: "" }],
  },

  {
    name: "retiredIsFormer",
    what: "“a retired FBI profiler”: retired counts as former.",
    patches: [{ file: SOURCES, search: ' || w === "retired"', replace: "", times: 2 }],
  },
  {
    name: "formerStateBodyExpert",
    what: "A former member of a state body named in the description is an expert.",
    patches: [off(SOURCES, 'if (o && former && o.kind === "official")')],
  },
  {
    name: "legalText",
    what: "“the Tarn Charter”, “the 14th Amendment”: a named legal text is a document.",
    patches: [{ file: SOURCES, search: "if (LEGAL_TEXTS.has(legal)) {", replace: "if (false) {" }],
  },
  {
    name: "documentNamedIssuer",
    what: "“a 1902 Tarn Supreme Court decision”: a document is named when the text names its issuer.",
    patches: [{ file: SOURCES, search: "(DOC_NOUNS.has(p.head) && m.tokens", replace: "(false && m.tokens" }],
  },
  {
    name: "personNotDocument",
    what: "“Bill Marr”: a document word in a person's name is no kind.",
    patches: [{ file: SOURCES, search: 'if (k && !(k === "document" && e.person)) {', replace: "if (k) {" }],
  },

  {
    name: "unspecifiedMembers",
    what: "“some Republicans”: unspecified members of a named body are not named.",
    patches: [
      { file: SOURCES, search: 'p.kind === "named" && UNSPECIFIED.has(', replace: "false && UNSPECIFIED.has(" },
    ],
  },
  // Families added for PolNeAR train recall (issue 12); tests/unit/analysis/sourcing-families.test.ts pins them.
  {
    name: "commonNounSpeaker",
    what: "“…, the admiral said.”: after a clause and its comma, a say-like verb takes a common noun as its speaker.",
    patches: [{ file: VERB_CUE, search: "        commonNounSpeaker(ctx, np, lemma) ||\n", replace: "" }],
  },
  {
    name: "relativeNotClause",
    what: "“The lawmaker, who represents …, said the remarks …”: a relative clause's verb makes no clause before an inverted “said X”.",
    patches: [{ file: VERB_CUE, search: "          m = c;\n          continue;", replace: "          continue;" }],
  },
  {
    name: "shareSubject",
    what: "“two-thirds said”, “One in four said”: a bare share is the whole speaker.",
    patches: [{ file: VERB_PARTS, search: "if (s < np[0]) return [s, j];", replace: "if (false) return [s, j];" }],
  },
  {
    name: "shareSubjectOk",
    what: "A share built from numbers (“about three-quarters”) can hold a stance.",
    patches: [off(PHRASES, '  if (np[1] - np[0] >= 2 && (lower[np[1] - 1] === "-" || lower[np[1] - 1] === "in")')],
  },
  {
    name: "gerundObject",
    what: "“two-thirds support reducing …”: a gerund object after a stance verb read as a noun.",
    patches: [
      {
        file: TAGGER,
        search: '(nextTok.pos === "VERB" && /ing$/.test(lower[i + 1]!))',
        replace: '(false && nextTok.pos === "VERB" && /ing$/.test(lower[i + 1]!))',
      },
    ],
  },
  {
    name: "ingAfterSubject",
    what: "“groups backing the senator”: a participle right after a noun phrase that can hold a position takes it as the source.",
    patches: [
      {
        file: VERB_CUE,
        search: "ingAfterSubject(ctx, i, a, b, cueEndTok, lemma, cls, base)\n",
        replace: "null\n",
      },
    ],
  },
  {
    name: "prepCut",
    what: "“protests from residents opposing …”: the phrase after its last preposition is the participle's source.",
    patches: [off(PARTICIPLE_SUBJECT, "      if (subjectOk(ctx, [k + 1, i - 1], want)) np")],
  },
  {
    name: "verbAfter",
    what: "“A group backing the mayor spent …”: the participle phrase ends before the sentence's own verb.",
    patches: [
      {
        file: PARTICIPLE_SUBJECT,
        search: '    cls !== "speech" &&\n    !!obj &&',
        replace: "    false &&\n    !!obj &&",
      },
    ],
  },
  {
    name: "actParticiples",
    what: "“Members voting the party line”: participles that mostly name an act report nothing after a group.",
    patches: [{ file: PARTICIPLE_SUBJECT, search: "if (ACT_PARTICIPLES.has(lemma) ||", replace: "if (" }],
  },
  {
    name: "timeBefore",
    what: "“in January criticising …”: a month or day before the participle is no source.",
    patches: [
      {
        file: PARTICIPLE_SUBJECT,
        search: "if (DAY_WORDS.has(ctx.lower[i - 1]!) || MONTHS.has(ctx.lower[i - 1]!)) return null;",
        replace: "if (false) return null;",
      },
    ],
  },
  {
    name: "frontedPp",
    what: "“In a statement announcing the pick, the union …”: inside a fronted prepositional phrase the participle reports nothing.",
    patches: [
      off(
        PARTICIPLE_SUBJECT,
        '  if (ctx.tok.tokens[a]!.pos === "ADP" && !hasFiniteVerb(ctx, a, np[0] - 1)) return null;',
      ),
    ],
  },
  {
    name: "commaEnd",
    what: "The participle's content ends at the first comma or dash.",
    patches: [
      off(
        PARTICIPLE_SUBJECT,
        '    if (ctx.lower[k] === "," || ctx.lower[k] === "-" || ctx.lower[k] === "—" || ctx.lower[k] === "–") {',
      ),
    ],
  },
  {
    name: "relThat",
    what: "“a Republican challenging that may …”, “with a councillor challenging that may …”: a “that” right before a verb is no reported clause.",
    patches: [
      {
        file: PARTICIPLE_SUBJECT,
        search: '    ctx.lower[k] === "that" &&\n',
        replace: "    false &&\n",
      },
    ],
  },
  // Content boundaries (issue 12, PolNeAR train near-misses); tests/unit/analysis/sourcing-boundaries.test.ts pins them.
  {
    name: "objAdjOpener",
    what: "“praised the plan after the council approved it”: “after”/“before”/“following” with a clause or gerund end a noun object.",
    patches: [off(CUE_CONTENT, "if (ADJUNCT_OPENERS.has(lw) && ")],
  },
  {
    name: "objAdjSub",
    what: "“backed the levy until the vote”: a subordinator ends a noun object.",
    patches: [off(CUE_CONTENT, "if (SUBORDINATE_ONLY.has(lw)) return true;")],
  },
  {
    name: "objAdjBy",
    what: "“favored X by 12 points”, “condemned X by calling …”: “by” with an amount or a gerund ends a noun object.",
    patches: [off(CUE_CONTENT, 'if (lw === "by" && ')],
  },
  {
    name: "objEndAdj",
    what: "“called him reckless”: an adjective complement after the object's head stays in the content.",
    patches: [
      {
        file: CUE_CONTENT,
        search: "let e = m - 1;\n    while (e > head",
        replace: "let e = head;\n    while (e > head",
      },
    ],
  },
  {
    name: "sayClause",
    what: "“said the turmoil at the hearing was staged”: the words of “say” and “add” are a clause, not a noun object to cut.",
    patches: [
      {
        file: CUE_CONTENT,
        search: 'if (!OBJECT_CUES.has(lemma) && lemma !== "say" && lemma !== "add") {',
        replace: "if (!OBJECT_CUES.has(lemma)) {",
      },
    ],
  },
  {
    name: "trailAdjunct",
    what: "“said the ferry would run, after the council …”, “…, with X voting against”: a trailing adjunct after a finished clause.",
    patches: [off(CLAUSES, "if (!frontSub && verbSeen && (TRAIL_ADJUNCT.has(l1)")],
  },
  {
    name: "noObject",
    what: "“Residents protesting against …”: a preposition after the participle leaves no reported object.",
    patches: [
      {
        file: PARTICIPLE_SUBJECT,
        search: 'if (!next || next.pos === "ADP" || next.pos === "PART" ||',
        replace: "if (!next ||",
      },
    ],
  },
];

/** The focused tests: every sourcing unit test but the scored floors (PolNeAR, BASIL) and the CLI and fuzz runs. */
export const FOCUSED = [
  "tests/unit/analysis/sourcing-heuristics.test.ts",
  "tests/unit/analysis/sourcing-rules.test.ts",
  "tests/unit/analysis/sourcing-recall.test.ts",
  "tests/unit/analysis/sourcing-registry.test.ts",
  "tests/unit/analysis/sourcing-swap.test.ts",
  "tests/unit/analysis/sourcing-golden.test.ts",
  "tests/unit/analysis/sourcing-asides.test.ts",
  "tests/unit/analysis/dash-quotations.test.ts",
  "tests/unit/analysis/sourcing-names.test.ts",
  "tests/unit/analysis/sourcing-coreference.test.ts",
  "tests/unit/analysis/sourcing-phrasal.test.ts",
  "tests/unit/analysis/sourcing-speakers.test.ts",
  "tests/unit/analysis/sourcing-names-found.test.ts",
  "tests/unit/analysis/sourcing-families.test.ts",
  "tests/unit/analysis/sourcing-boundaries.test.ts",
];

interface Failure {
  file: string;
  title: string;
}

/** A failing test counts as focused unless it only says "something changed": the golden snapshot's version guard. */
function focused(f: Failure): boolean {
  return !(f.file.endsWith("sourcing-golden.test.ts") && !/finds the same attributions/.test(f.title));
}

async function runFocused(): Promise<Failure[]> {
  const files = FOCUSED.filter((f) => fs.existsSync(f));
  const prevExit = process.exitCode;
  const v = await startVitest(
    "test",
    files,
    {
      run: true,
      watch: false,
      config: false,
      include: ["tests/unit/**/*.test.ts"],
      maxWorkers: 1,
      minWorkers: 1,
      isolate: false,
      reporters: [{}],
    },
    {},
  );
  process.exitCode = prevExit;
  if (!v) throw new Error("vitest did not start");
  const out: Failure[] = [];
  type Task = { name: string; tasks?: Task[]; result?: { state?: string } };
  const walk = (file: string, t: Task, prefix: string) => {
    if (t.tasks) for (const c of t.tasks) walk(file, c, prefix ? `${prefix} > ${t.name}` : t.name);
    else if (t.result?.state === "fail") out.push({ file, title: `${prefix} > ${t.name}` });
  };
  for (const f of v.state.getFiles()) {
    if (f.result?.state === "fail" && !f.tasks.length) out.push({ file: f.filepath, title: "(file failed to load)" });
    for (const t of f.tasks) walk(f.filepath, t as Task, "");
  }
  await v.close();
  return out;
}

function applyPatches(h: Heuristic, originals: Map<string, string>): void {
  for (const p of h.patches) {
    const cur = fs.readFileSync(p.file, "utf8");
    if (!originals.has(p.file)) originals.set(p.file, cur);
    const n = cur.split(p.search).length - 1;
    if (n !== (p.times ?? 1))
      throw new Error(`${h.name}: expected ${p.times ?? 1} occurrence(s) of its search text in ${p.file}, found ${n}`);
    fs.writeFileSync(p.file, cur.split(p.search).join(p.replace));
  }
}

async function main(): Promise<void> {
  process.chdir(path.resolve(import.meta.dirname, ".."));
  const only = process.argv.slice(2);
  const list = only.length
    ? HEURISTICS.filter((h) => only.some((o) => h.name === o || h.name.startsWith(`${o} (`)))
    : HEURISTICS;
  const originals = new Map<string, string>();
  const restore = () => {
    for (const [f, s] of originals) fs.writeFileSync(f, s);
    originals.clear();
  };
  for (const sig of ["SIGINT", "SIGTERM"] as const)
    process.on(sig, () => {
      restore();
      process.exit(130);
    });
  const base = await runFocused();
  if (base.length) {
    console.error("The focused tests fail before any mutation; fix them first:");
    for (const f of base) console.error(`  ${path.basename(f.file)}: ${f.title}`);
    process.exitCode = 1;
    return;
  }
  let unpinned = 0;
  const rows: string[] = [];
  for (const h of list) {
    let fails: Failure[];
    try {
      applyPatches(h, originals);
      fails = await runFocused();
    } finally {
      restore();
    }
    const pins = fails.filter(focused);
    const outsideGolden = pins.filter((f) => !f.file.endsWith("sourcing-golden.test.ts"));
    const first = outsideGolden[0] ?? pins[0];
    if (!first) unpinned++;
    const row = `${h.name.padEnd(34)} ${String(outsideGolden.length).padStart(3)} ${String(pins.length - outsideGolden.length).padStart(3)}  ${
      first ? `${path.basename(first.file)}: ${first.title}` : "NOT PINNED"
    }`;
    rows.push(row);
    console.log(row);
  }
  console.log(
    `\n${list.length} heuristics, ${list.length - unpinned} pinned (columns: focused tests failing outside the golden snapshot, golden texts changed)`,
  );
  process.exitCode = unpinned ? 1 : 0;
}

if (process.argv[1]?.endsWith("heuristic-mutations.ts")) await main();
