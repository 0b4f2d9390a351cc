import { francAll } from "franc";

export type DetectedLanguage = { code: string; name: string; confident: boolean };

// franc speaks ISO 639-3; the app stores ISO 639-1. Macro-language variants fold into one code.
const ISO3_TO_1: Record<string, [string, string]> = {
  eng: ["en", "English"],
  arb: ["ar", "Arabic"],
  ary: ["ar", "Arabic"],
  arz: ["ar", "Arabic"],
  heb: ["he", "Hebrew"],
  deu: ["de", "German"],
  fra: ["fr", "French"],
  spa: ["es", "Spanish"],
  cmn: ["zh", "Chinese"],
  yue: ["zh", "Chinese"],
  rus: ["ru", "Russian"],
  tur: ["tr", "Turkish"],
  pes: ["fa", "Persian"],
  prs: ["fa", "Persian"],
  por: ["pt", "Portuguese"],
  ita: ["it", "Italian"],
  nld: ["nl", "Dutch"],
  pol: ["pl", "Polish"],
  ukr: ["uk", "Ukrainian"],
  urd: ["ur", "Urdu"],
  hin: ["hi", "Hindi"],
  jpn: ["ja", "Japanese"],
  kor: ["ko", "Korean"],
  ind: ["id", "Indonesian"],
  zlm: ["ms", "Malay"],
  vie: ["vi", "Vietnamese"],
  swe: ["sv", "Swedish"],
  dan: ["da", "Danish"],
  nob: ["no", "Norwegian"],
  nno: ["no", "Norwegian"],
  fin: ["fi", "Finnish"],
  ces: ["cs", "Czech"],
  slk: ["sk", "Slovak"],
  hun: ["hu", "Hungarian"],
  ron: ["ro", "Romanian"],
  bul: ["bg", "Bulgarian"],
  ell: ["el", "Greek"],
  srp: ["sr", "Serbian"],
  hrv: ["hr", "Croatian"],
  bos: ["bs", "Bosnian"],
  slv: ["sl", "Slovenian"],
  cat: ["ca", "Catalan"],
  glg: ["gl", "Galician"],
  tha: ["th", "Thai"],
  ben: ["bn", "Bengali"],
  pbu: ["ps", "Pashto"],
  ckb: ["ku", "Kurdish"],
  amh: ["am", "Amharic"],
  swh: ["sw", "Swahili"],
  afr: ["af", "Afrikaans"],
  aze: ["az", "Azerbaijani"],
  azj: ["az", "Azerbaijani"],
  kaz: ["kk", "Kazakh"],
  bel: ["be", "Belarusian"],
  mkd: ["mk", "Macedonian"],
  lit: ["lt", "Lithuanian"],
  lvs: ["lv", "Latvian"],
  ekk: ["et", "Estonian"],
  tgl: ["tl", "Tagalog"],
  ydd: ["yi", "Yiddish"],
  kat: ["ka", "Georgian"],
  hye: ["hy", "Armenian"],
};

// Trigram models confuse close kin (English → Scots, Turkish → Turkmen): choose only among mapped
// languages, and among the common news languages for short strings.
const MAPPED_LANGUAGES = Object.keys(ISO3_TO_1);
const NEWS_LANGUAGES = [
  "eng",
  "arb",
  "heb",
  "deu",
  "fra",
  "spa",
  "cmn",
  "rus",
  "tur",
  "pes",
  "por",
  "ita",
  "nld",
  "ukr",
  "urd",
];
const SHORT_TEXT = 150;
const CONFIDENT_TEXT = 120;

const UNDETERMINED: DetectedLanguage = { code: "und", name: "Undetermined", confident: false };

/** Detects the language of a text with franc; "und" when there is too little text to tell. */
export function detectLanguage(text: string): DetectedLanguage {
  // Sample a bounded window: franc is linear but there is no gain beyond a few thousand characters.
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const letters = sample.replace(/[\s\d\p{P}\p{S}]+/gu, "");
  if (letters.length < 10) return UNDETERMINED;
  const short = letters.length < SHORT_TEXT;
  const ranked = francAll(sample, { minLength: 10, only: short ? NEWS_LANGUAGES : MAPPED_LANGUAGES });
  const top = ranked[0];
  if (!top || top[0] === "und") return UNDETERMINED;
  const mapped = ISO3_TO_1[top[0]];
  // Languages outside the map stay "und" so callers only ever see ISO 639-1 codes.
  if (!mapped) return { code: "und", name: `Other (ISO 639-3 ${top[0]})`, confident: false };
  const [code, name] = mapped;
  const second = ranked[1];
  const secondSame = second ? ISO3_TO_1[second[0]]?.[0] === code : false;
  // francAll scores the winner 1; a runner-up close behind means the call is shaky.
  const margin = second && !secondSame ? 1 - second[1] : 1;
  const confident = letters.length >= CONFIDENT_TEXT && margin >= 0.02;
  return { code, name, confident };
}

/** English name for an ISO 639-1 code this module knows, or the code itself. */
export function languageName(code: string): string {
  for (const [c, n] of Object.values(ISO3_TO_1)) if (c === code) return n;
  return code === "und" ? "Undetermined" : code;
}
