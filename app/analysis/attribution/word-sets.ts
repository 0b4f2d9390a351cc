import gazetteer from "../lexicons/gazetteer.json";
import { type CueStance } from "../types";

/** Every role word in the gazetteer (minister, spokesperson, operator, …) can head a speaker phrase. */
export const ROLE_WORDS = new Set(Object.values(gazetteer.entries.titles as Record<string, string[]>).flat());

export const SKIP_BEFORE_CUE = new Set([
  "also", "has", "have", "had", "is", "was", "were", "are", "been", "being", "will", "would", "could", "can", "may", "might",
  "did", "does", "do", "not", "n't", "n’t", "never", "repeatedly", "later", "previously", "then", "now", "once", "again", "too",
  "even", "recently", "already", "still", "publicly", "privately", "flatly", "reportedly", "allegedly", "often", "frequently",
  "just", "further", "first", "last", "subsequently", "long", "always", "quickly", "openly", "explicitly", "simply", "had",
  "should", "must", "ever", "actually", "only", "initially", "earlier", "immediately", "apparently", "clearly", "strongly",
]);

export const PERSONAL = new Set(["he", "she", "they", "we", "i", "it", "you"]);

export const QUANT_SUBJECTS = new Set(["many", "some", "others", "few", "most", "several", "both", "all", "everyone", "someone", "nobody", "none"]);

export const PERSON_PRON = new Set(["he", "she", "they", "we", "i"]);

export const RELATIVE = new Set(["who", "which", "that"]);

export const TIME_WORDS = new Set([
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "tomorrow",
  "morning", "afternoon", "evening", "night", "week", "month", "year", "day", "time", "weekend", "earlier", "later", "recently",
  "last", "this", "next", "then", "once", "again", "previously", "repeatedly", "also", "privately", "publicly", "flatly",
  "ago", "on", "late", "early",
]);

export const POSTPOSED_TITLE = new Set(["general", "elect", "emeritus"]);

export const OBJECT_CONTROL = new Set(["prompt", "force", "lead", "push", "pressure", "press", "cause", "drive", "compel", "inspire", "persuade", "convince", "move"]);

/** Verbs that report only with a clause ("maintained that …"), not with a plain object ("maintained the roads"). */
export const CLAUSE_ONLY_CUES = new Set(["maintain", "consider"]);

export const NOT_SPEAKER_LABELS = new Set(["correction", "clarification", "update", "updated", "editor's note", "editor’s note", "the latest", "breaking", "related", "watch", "read more", "photo", "video", "note", "abstract", "source", "sources", "disclosure"]);

export const QUOTE_ONLY_CUES = new Set(["continue"]);

export const OBJECT_CUES = new Set(["tell", "inform", "brief", "assure", "remind", "warn", "advise", "urge", "ask"]);

export const PRON_OBJECTS = new Set(["him", "her", "them", "us", "me", "you", "reporters", "journalists", "lawmakers", "supporters", "voters", "it"]);

/** Heads that can hold beliefs, wishes or positions (besides names and personal pronouns). */
export const AGENT_NOUNS = new Set(
  (
    "official officials spokesman spokeswoman spokesperson minister president leader leaders group groups campaign government administration " +
    "party committee council agency department ministry police army military court judge lawmakers lawmaker senator congressman congresswoman " +
    "governor mayor candidate nominee critics supporters opponents voters residents experts analysts economists advocates activists democrats " +
    "republicans company companies firm officials authorities regime state states union members member aides aide adviser advisers chairman " +
    "director chief secretary ambassador diplomats organisation organization movement fighters militants rebels insurgents author authors " +
    "writer people many some others americans clinton trump team staff sources source administration commission board prosecutor prosecutors " +
    "attorney lawyer lawyers doctor doctors scientists researchers professor expert analyst economist pollster strategist operative " +
    "investigators watchdog coalition alliance leadership cabinet chancellor prime premier king prince manager executive ceo founder " +
    "poll survey study report letter statement ruling document documents data analysis review memo email emails filing complaint lawsuit " +
    "article book ad video speech website plan proposal bill resolution network newspaper paper magazine outlet channel station fans followers " +
    "teachers parents students workers women men families victims witnesses citizens businesses banks industry consumers investors polls surveys " +
    "league association federation body network union bank foundation institute center centre organisation organization agency bureau office firm group camp team " +
    "percent majority plurality respondents businessman businesswoman city country nation nations panel film narrator announcer commissioner " +
    "publication legislature regulator regulators creditor creditors corporation partner developer moderator reader readers editor editors " +
    "observer observers administrator bloc veteran veterans enemy enemies spot clip slide speechwriter questioner journal host hosts"
  ).split(" "),
);

export const EVIDENCE_NOUNS = new Set(
  "poll polls survey surveys study studies report reports data analysis research review records document documents letter figures numbers results findings estimate estimates audit investigation evidence model census statistics memo slide slides chart charts graph average averages ad ads video tweet tweets transcript filing filings returns tally count projection projections forecast".split(
    " ",
  ),
);

export const UNNAMED_ADVERBS = new Set(["reportedly", "allegedly", "purportedly", "supposedly", "rumoredly", "reputedly"]);

export const UNNAMED_PASSIVE = new Set(["say", "report", "believe", "allege", "rumor", "rumour", "think", "understand", "claim", "know", "expect", "consider", "estimate", "project", "predict", "rumor", "suspect", "assume"]);

export const PASSIVE_FORMS = new Map([
  ["said", "say"], ["reported", "report"], ["believed", "believe"], ["alleged", "allege"], ["rumoured", "rumour"], ["rumored", "rumor"],
  ["thought", "think"], ["understood", "understand"], ["claimed", "claim"], ["known", "know"], ["expected", "expect"], ["considered", "consider"],
  ["estimated", "estimate"], ["projected", "project"], ["predicted", "predict"], ["suspected", "suspect"], ["assumed", "assume"],
]);

export const PARTICIPLE_STOP = new Set(["as", "who", "which", "when", "while", "before", "after", "because", "although", "though", "if", "in", "at", "on", "during", "with", "without"]);

export const SAY_LIKE = new Set(["say", "tell", "ask", "add", "write", "reply", "respond", "continue", "explain", "insist", "note", "recall", "declare", "shout", "exclaim", "answer", "joke", "warn", "argue", "claim"]);

export const ANONYMITY_VERBS = new Set(["ask", "request", "decline", "refuse", "agree", "demand", "insist", "prefer", "want", "wish"]);

export const ANONYMITY_WORDS = new Set(["named", "identified", "quoted", "name", "identify", "quote"]);

export const EVENT_NOUNS = new Set([
  "statement", "interview", "rally", "speech", "tweet", "tweets", "debate", "event", "conference", "briefing", "hearing", "letter",
  "email", "post", "video", "appearance", "address", "op-ed", "call", "meeting", "broadcast", "episode", "show", "program", "programme",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
]);

export const FINITE_AUX = new Set(["did", "does", "has", "had", "is", "was", "were", "are", "have", "do"]);

export const CONTROL_ADJ = new Set(["able", "unable", "ready", "quick", "slow", "free", "prepared", "poised", "set", "due", "likely", "unlikely", "careful"]);

export const SUBORDINATORS = new Set(["if", "since", "when", "because", "although", "though", "as", "while", "after", "before", "once", "unless", "until", "whether"]);

export const NAME_PARTICLES = new Set(["al", "el", "bin", "ibn", "abu", "de", "da", "del", "van", "von", "der", "la", "le", "ben", "bint", "du", "di"]);

export const NOUN_CUES = new Set(
  ("claim assertion allegation argument plan proposal promise pledge warning call demand belief view insistence suggestion accusation charge denial " +
    "statement comment remark vow threat theory position decision criticism complaint concern fear hope offer recommendation prediction " +
    "estimate finding conclusion contention admission acknowledgment acknowledgement assessment opposition support push vision " +
    "determination reluctance commitment disdain adulation eagerness desire willingness refusal attack attacks comments criticisms praise endorsement rejection dismissal defense defence").split(" "),
);

export const POSSESSIVE_PRON = new Set(["his", "her", "their", "its", "our", "my"]);

export const NOUN_STANCE: Record<string, CueStance> = {
  claim: "distancing", allegation: "distancing", assertion: "distancing", contention: "distancing",
  denial: "denial", rejection: "denial", dismissal: "denial", refusal: "denial",
  accusation: "accusation", charge: "accusation", criticism: "accusation", attack: "accusation", disdain: "accusation",
  praise: "endorsing", endorsement: "endorsing", defense: "endorsing", defence: "endorsing", acknowledgment: "endorsing", acknowledgement: "endorsing", admission: "endorsing",
};

/** Nouns whose "that" clause reports a belief, claim or feeling ("fears that …", "the assertion that …"). */
export const NOUN_THAT = new Set(
  ("claim assertion allegation argument belief view warning fear hope concern worry suggestion charge accusation recognition acknowledgment " +
    "acknowledgement admission conclusion finding contention notion feeling expectation assurance promise pledge prediction insistence complaint " +
    "speculation rumor rumour report statement announcement implication bet assumption impression conviction perception agreement consensus " +
    "pronouncement message evidence sign indication suspicion doubt confidence sense threat vow demand").split(" "),
);

export const BE_FORMS = new Set(["is", "was", "are", "were", "be", "been", "being", "am", "'s", "’s", "'re", "’re", "'m", "’m", "remain", "remains", "remained", "become", "becomes", "became"]);

export const ADJ_PREPS = new Set(["about", "of", "on", "over", "with", "at", "by", "toward", "towards"]);

export const ADJ_CLAUSE = new Set(["that", "if", "whether", "how", "what", "why", "who", "when"]);

export const WH_OPENERS = new Set(["how", "why", "what", "whether", "when", "where", "who", "if"]);

export const TIME_UNITS = new Set(["week", "weeks", "month", "months", "year", "years", "weekend", "morning", "afternoon", "evening", "night", "day", "days"]);

export const TIME_LEADS = new Set(["on", "this", "last", "next", "earlier", "in", "late", "early", "over", "during"]);

export const PARTICLE_WORDS = new Set(["out", "up", "down", "away", "though", "anyway", "back"]);

export const ADVERBIAL_OPENERS = new Set(["at", "before", "during", "because", "from", "as", "while"]);

export const FACE_VERBS = new Set(["face", "draw", "receive", "attract", "come", "take", "earn", "prompt", "spark"]);

export const CRITICISM_NOUNS = new Set(["criticism", "criticisms", "question", "questions", "scrutiny", "calls", "pressure", "accusations", "allegations", "charges", "complaints", "fire", "backlash", "heat", "ridicule", "condemnation", "outrage", "protests", "praise", "skepticism", "scepticism"]);

export const POLL_NOUNS = new Set(["poll", "polls", "survey", "surveys", "study", "studies", "census", "tally", "count", "forecast", "projection", "model"]);

export const ASKED_NEXT = new Set(["about", "whether", "if", "how", "why", "what", "when", "who", "to", "for"]);

export const LIGHT_VERBS = new Set(["express", "voice", "raise", "air", "share", "signal", "register", "reiterate"]);

export const LIGHT_PREPS = new Set(["about", "over", "of", "for", "to", "with", "regarding", "toward", "towards", "at", "on"]);

export const STANCE_NOUNS = new Set(
  ("concern misgiving doubt support opposition frustration anger skepticism scepticism question reservation outrage hope fear worry " +
    "disappointment dismay displeasure dissatisfaction satisfaction optimism pessimism confidence interest enthusiasm alarm objection " +
    "disagreement agreement approval disapproval regret sympathy solidarity gratitude appreciation admiration criticism praise").split(" "),
);

export const OBJ_PRON = new Set(["him", "her", "them", "it", "us", "me", "his", "their", "its", "our", "my", "this", "these", "those", "that", "one", "something", "nothing", "anything", "everything"]);

export const CLAUSE_OPENERS = new Set(["that", "to", "if", "whether", "how", "why", "what", "who", "when", "where", "which", "whom"]);

export const CUT_PREPS = new Set(["during", "since", "amid", "despite", "because", "while", "when", "via", "throughout", "last", "earlier", "later"]);

export const DAY_WORDS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "tomorrow", "morning", "afternoon", "evening", "night", "week", "month", "year", "weekend"]);

export const MONTHS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]);

export const EVENT_PREPS = new Set(["in", "on", "at", "after", "before", "with", "following"]);

export const OCCASION_NOUNS = new Set(["forum", "summit", "news", "press", "campaign", "stop", "session", "remarks", "tweets", "posts", "ad", "ads", "op-ed", "column", "editorial", "radio", "television", "tv", "twitter", "facebook", "cnn", "fox", "msnbc", "nbc", "abc", "cbs", "town", "hall", "visit", "trip", "testimony", "hearings", "appearance", "book", "memoir", "essay", "article", "report", "tuesday", "wednesday"]);

export const PASSIVE_EVAL = new Set(["accuse", "blame", "criticize", "criticise", "mention", "rate", "dub", "call", "describe", "label", "brand", "praise", "charge", "condemn", "question", "credit", "deride", "mock", "hail", "fault", "portray", "characterize", "characterise", "view", "regard", "see", "tout"]);

export const HEADLINE_VERBS = new Set(["rip", "hammer", "slam", "blast", "sum", "share", "speak", "go", "break", "corner", "see", "push", "pan", "tout", "knock", "bash", "hit", "fire", "take", "want", "back", "eye", "weigh", "rule", "vote", "duck", "accuse", "deny", "reject", "warn", "urge", "vow", "call", "say", "claim", "defend", "praise", "question", "attack", "mock", "pledge", "promise", "admit", "confirm", "reveal", "demand", "insist"]);

export const COORD = new Set(["and", "but", "while", "whereas", "although", "though"]);
