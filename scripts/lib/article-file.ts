// Reading an article file for the CLI and the evaluation: .txt/.md as is, .json in the import shape.
import fs from "node:fs";
import path from "node:path";

export interface ArticleFile {
  name: string;
  text: string;
  title?: string;
  outlet?: string;
}

/** Read one file; throws an Error with a user-facing message when it is missing or malformed. */
export function readArticleFile(file: string): ArticleFile {
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      code === "ENOENT"
        ? `${file}: no such file`
        : code === "EISDIR"
          ? `${file}: is a directory`
          : `${file}: cannot be read (${code ?? "error"})`,
    );
  }
  const name = path.basename(file);
  if (file.toLowerCase().endsWith(".json")) {
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch {
      throw new Error(`${file}: not valid JSON`);
    }
    if (!obj || typeof obj !== "object" || Array.isArray(obj) || typeof (obj as { text?: unknown }).text !== "string")
      throw new Error(
        `${file}: expected a JSON object {"title","url","outlet","published","text"} with a string "text"`,
      );
    const o = obj as { text: string; title?: unknown; outlet?: unknown };
    return {
      name,
      text: o.text,
      title: typeof o.title === "string" ? o.title : undefined,
      outlet: typeof o.outlet === "string" ? o.outlet : undefined,
    };
  }
  return { name, text: raw };
}
