// The shared tokenizer slows down quadratically on very long runs without spaces (measured: 40,000
// characters take 3 s). Tokenising a same-length copy with a space every 64 characters inside such
// runs keeps every offset valid and the time linear; only the giant "tokens" themselves are split.
import { tokenize, type TokenizedText } from "./nlp";

const RUN = 64;

export function safeTokenize(text: string): TokenizedText {
  let masked: string[] | null = null;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      run = 0;
      continue;
    }
    run++;
    if (run > RUN) {
      // Never split a surrogate pair: that would change nothing in length but break the code point.
      if ((c & 0xfc00) === 0xdc00) continue;
      masked ??= text.split("");
      masked[i] = " ";
      run = 0;
    }
  }
  return tokenize(masked ? masked.join("") : text);
}
