import { describe, expect, it } from "vitest";
import { detectLanguage } from "#app/ingest/language";

describe("detectLanguage", () => {
  it.each([
    [
      "en",
      "The harbour council said on Tuesday that the ferry talks would continue next week despite objections from residents.",
    ],
    [
      "de",
      "Der Hafenrat sagte am Dienstag, dass die Gespräche über die Fähre nächste Woche trotz Einwänden fortgesetzt würden.",
    ],
    [
      "fr",
      "Le conseil du port a déclaré mardi que les discussions sur le ferry se poursuivraient la semaine prochaine malgré les objections.",
    ],
    [
      "es",
      "El consejo del puerto dijo el martes que las conversaciones sobre el ferry continuarían la próxima semana pese a las objeciones.",
    ],
    ["ar", "قال مجلس الميناء يوم الثلاثاء إن المحادثات بشأن العبارة ستستمر الأسبوع المقبل رغم اعتراضات السكان."],
    ["he", "מועצת הנמל אמרה ביום שלישי כי השיחות על המעבורת יימשכו בשבוע הבא למרות התנגדות התושבים."],
    ["fa", "شورای بندر روز سه‌شنبه گفت که مذاکرات درباره کشتی هفته آینده با وجود مخالفت ساکنان ادامه خواهد یافت."],
    [
      "ru",
      "Совет порта заявил во вторник, что переговоры о пароме продолжатся на следующей неделе, несмотря на возражения жителей.",
    ],
    [
      "tr",
      "Liman konseyi salı günü yaptığı açıklamada feribot görüşmelerinin sakinlerin itirazlarına rağmen gelecek hafta devam edeceğini söyledi.",
    ],
    ["zh", "港口委员会周二表示，尽管居民反对，有关渡轮的谈判将于下周继续进行。"],
  ])("detects %s", (code, text) => {
    expect(detectLanguage(text).code).toBe(code);
  });

  it("is undetermined and not confident on very short or empty strings", () => {
    expect(detectLanguage("")).toEqual({ code: "und", name: "Undetermined", confident: false });
    expect(detectLanguage("12 34 !!").code).toBe("und");
    expect(detectLanguage("Hello there").confident).toBe(false);
  });

  it("is confident on a paragraph", () => {
    const r = detectLanguage(
      "The harbour council said on Tuesday that the ferry talks would continue next week. ".repeat(3),
    );
    expect(r).toEqual({ code: "en", name: "English", confident: true });
  });
});
