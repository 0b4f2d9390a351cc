// `cli corrections export --comparison ID [--coder NAME] FILE` and `cli corrections import FILE`: a coding
// (people's corrections) as a JSON list of {articleId, layer, target: {start, end}, field, value, note, coder},
// to share, review and version. Import checks every item against the current analyses first and writes all of
// them in one transaction, or nothing. Migrates, never seeds.
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "#db/prepare";
import { CodingError, exportCoding, importCoding, parseCoding } from "#app/models/corrections.server";

const USAGE = "usage: corrections export --comparison ID [--coder NAME] FILE | corrections import FILE";

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "export") return exportCmd(rest);
  if (sub === "import") return importCmd(rest);
  console.error(`corrections: ${sub ? `unknown subcommand "${sub}"` : "export or import?"}\n${USAGE}`);
  return 2;
}

async function exportCmd(argv: string[]): Promise<number> {
  let id: number | null = null;
  let coder: string | null = null;
  let file: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--comparison") {
      const v = value();
      if (!v || !/^\d{1,12}$/.test(v) || Number(v) <= 0) {
        console.error(
          `corrections export: --comparison needs a comparison id (a positive number), got "${v ?? ""}"\n${USAGE}`,
        );
        return 2;
      }
      id = Number(v);
    } else if (flag === "--coder") {
      const v = value();
      if (!v) {
        console.error(`corrections export: --coder needs a name\n${USAGE}`);
        return 2;
      }
      coder = v;
    } else if (a.startsWith("-") && a !== "-") {
      console.error(`corrections export: unknown option "${a}"\n${USAGE}`);
      return 2;
    } else if (file) {
      console.error(`corrections export: one file only\n${USAGE}`);
      return 2;
    } else file = a;
  }
  if (id === null || !file) {
    console.error(`corrections export: ${id === null ? "--comparison is required" : "which file?"}\n${USAGE}`);
    return 2;
  }
  const db = await prepareDatabase({ seed: false });
  try {
    const items = await exportCoding(db, id, coder);
    if (!items) {
      console.error(`corrections export: no comparison with id ${id} (see "cli list")`);
      return 1;
    }
    const body = JSON.stringify(items, null, 1) + "\n";
    if (file === "-") process.stdout.write(body);
    else {
      const target = path.resolve(file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(`${target}.partial`, body);
      fs.renameSync(`${target}.partial`, target);
      process.stdout.write(target + "\n");
    }
    const coders = [...new Set(items.map((x) => x.coder))];
    console.error(
      `corrections export: ${items.length} correction${items.length === 1 ? "" : "s"}${coders.length ? ` by ${coders.join(", ")}` : ""}`,
    );
    return 0;
  } finally {
    db.$client.close();
  }
}

async function importCmd(argv: string[]): Promise<number> {
  const files = argv.filter((a) => !a.startsWith("-") || a === "-");
  const unknown = argv.find((a) => a.startsWith("-") && a !== "-");
  if (unknown || files.length !== 1) {
    console.error(`corrections import: ${unknown ? `unknown option "${unknown}"` : "one file, please"}\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = files[0] === "-" ? fs.readFileSync(0, "utf8") : fs.readFileSync(files[0]!, "utf8");
  } catch (e) {
    console.error(`corrections import: cannot read ${files[0]}: ${(e as Error).message}`);
    return 1;
  }
  const db = await prepareDatabase({ seed: false });
  try {
    const items = parseCoding(text);
    const res = await importCoding(db, items);
    process.stdout.write(JSON.stringify(res) + "\n");
    console.error(
      `corrections import: ${res.imported} correction${res.imported === 1 ? "" : "s"} imported${res.coders.length ? ` (${res.coders.join(", ")})` : ""}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof CodingError) {
      console.error(
        `corrections import: ${e.message}${e.problems.length ? "\n  " + e.problems.slice(0, 50).join("\n  ") : ""}${e.problems.length > 50 ? `\n  …and ${e.problems.length - 50} more` : ""}`,
      );
      return 1;
    }
    throw e;
  } finally {
    db.$client.close();
  }
}
