// The attribution rules' word sets, read from versioned lexicon files (lexicons/pronouns.json,
// time-words.json, attribution-words.json); their versions are part of the analyser version.
import type { CueStance } from "../types";
import gazetteer from "../lexicons/gazetteer.json";
import pronouns from "../lexicons/pronouns.json";
import timeWords from "../lexicons/time-words.json";
import words from "../lexicons/attribution-words.json";

type Sets = typeof words.entries;
const list = (k: keyof Sets): string[] => words.entries[k] as string[];
const set = (k: keyof Sets) => new Set(list(k));
const ofClass = (t: { entries: Record<string, string[]> }, cls: string) =>
  new Set(Object.keys(t.entries).filter((w) => t.entries[w]!.includes(cls)));

/** Every role word in the gazetteer (minister, spokesperson, operator, …) can head a speaker phrase. */
export const ROLE_WORDS = new Set(Object.values(gazetteer.entries.titles as Record<string, string[]>).flat());
export const PERSONAL = ofClass(pronouns, "subject");
export const PERSON_PRON = ofClass(pronouns, "person");
export const RELATIVE = ofClass(pronouns, "relative");
export const POSSESSIVE_PRON = ofClass(pronouns, "possessive");
export const TIME_WORDS = ofClass(timeWords, "gap");
export const DAY_WORDS = ofClass(timeWords, "day");
export const TIME_UNITS = ofClass(timeWords, "unit");
export const TIME_LEADS = ofClass(timeWords, "lead");
export const MONTHS = ofClass(timeWords, "month");

export const ADJ_CLAUSE = set("ADJ_CLAUSE");
export const ADJ_PREPS = set("ADJ_PREPS");
export const ADVERBIAL_OPENERS = set("ADVERBIAL_OPENERS");
export const AGENT_NOUNS = set("AGENT_NOUNS");
export const ANONYMITY_VERBS = set("ANONYMITY_VERBS");
export const ANONYMITY_WORDS = set("ANONYMITY_WORDS");
export const ASKED_NEXT = set("ASKED_NEXT");
export const BE_FORMS = set("BE_FORMS");
export const CLAUSE_ONLY_CUES = set("CLAUSE_ONLY_CUES");
export const CLAUSE_OPENERS = set("CLAUSE_OPENERS");
export const CONTROL_ADJ = set("CONTROL_ADJ");
export const COORD = set("COORD");
export const CRITICISM_NOUNS = set("CRITICISM_NOUNS");
export const CUT_PREPS = set("CUT_PREPS");
export const EVENT_NOUNS = set("EVENT_NOUNS");
export const EVENT_PREPS = set("EVENT_PREPS");
export const EVIDENCE_NOUNS = set("EVIDENCE_NOUNS");
export const FACE_VERBS = set("FACE_VERBS");
export const FINITE_AUX = set("FINITE_AUX");
export const HEADLINE_VERBS = set("HEADLINE_VERBS");
export const LIGHT_PREPS = set("LIGHT_PREPS");
export const LIGHT_VERBS = set("LIGHT_VERBS");
export const NAME_PARTICLES = set("NAME_PARTICLES");
export const NOT_SPEAKER_LABELS = set("NOT_SPEAKER_LABELS");
export const NOUN_CUES = set("NOUN_CUES");
export const NOUN_STANCE = words.entries.NOUN_STANCE as Record<string, CueStance>;
export const NOUN_THAT = set("NOUN_THAT");
export const OBJECT_CONTROL = set("OBJECT_CONTROL");
export const OBJECT_CUES = set("OBJECT_CUES");
export const OBJ_PRON = set("OBJ_PRON");
export const OCCASION_NOUNS = set("OCCASION_NOUNS");
export const PARTICIPLE_STOP = set("PARTICIPLE_STOP");
export const PARTICLE_WORDS = set("PARTICLE_WORDS");
export const PASSIVE_EVAL = set("PASSIVE_EVAL");
export const PASSIVE_FORMS = new Map(Object.entries(words.entries.PASSIVE_FORMS as Record<string, string>));
export const POLL_NOUNS = set("POLL_NOUNS");
export const POSTPOSED_TITLE = set("POSTPOSED_TITLE");
export const PRON_OBJECTS = set("PRON_OBJECTS");
export const QUANT_SUBJECTS = set("QUANT_SUBJECTS");
export const QUOTE_ONLY_CUES = set("QUOTE_ONLY_CUES");
export const SAY_LIKE = set("SAY_LIKE");
export const SKIP_BEFORE_CUE = set("SKIP_BEFORE_CUE");
export const STANCE_NOUNS = set("STANCE_NOUNS");
export const SUBORDINATORS = set("SUBORDINATORS");
export const UNNAMED_ADVERBS = set("UNNAMED_ADVERBS");
export const UNNAMED_PASSIVE = set("UNNAMED_PASSIVE");
export const WH_OPENERS = set("WH_OPENERS");
