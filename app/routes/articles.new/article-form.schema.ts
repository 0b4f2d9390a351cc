import { z } from "zod";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long (at most ${max} characters).`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Dates as precise as known: YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "Use YYYY, YYYY-MM or YYYY-MM-DD.")
  .refine((v) => {
    const [y, m, d] = v.split("-").map(Number);
    return d === undefined || new Date(Date.UTC(y!, m! - 1, d)).getUTCDate() === d;
  }, "That day does not exist in that month.")
  .optional();

export const articleMetaFields = {
  title: optionalText(500, "The title"),
  outlet: optionalText(200, "The outlet name"),
  author: optionalText(300, "The author"),
  published: partialDate,
  url: z
    .string()
    .trim()
    .url("Enter a full web address (https://…).")
    .refine((u) => /^https?:\/\//i.test(u), "Only http and https addresses.")
    .optional(),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}$/, "Use a two-letter language code such as en.")
    .optional(),
};

const CHOOSE = "Choose a comparison from the list.";

export const newArticleSchema = z
  .object({
    ...articleMetaFields,
    text: z
      .string()
      .max(2 * 1024 * 1024 + 1024, "The text is over 2 MB.")
      .optional(),
    file: z.instanceof(File).optional(),
    comparison: z.coerce.number({ invalid_type_error: CHOOSE }).int(CHOOSE).positive(CHOOSE).optional(),
  })
  .superRefine((v, ctx) => {
    const hasFile = v.file && v.file.size > 0;
    const hasText = v.text && v.text.trim().length > 0;
    if (!hasFile && !hasText)
      ctx.addIssue({ code: "custom", path: ["text"], message: "Paste the article text or choose a file." });
    if (hasFile && hasText)
      ctx.addIssue({ code: "custom", path: ["file"], message: "Paste text or upload a file, not both." });
  });

export const editArticleSchema = z.object({
  ...articleMetaFields,
  title: z.string({ required_error: "A title is required." }).trim().min(1, "A title is required.").max(500),
});
