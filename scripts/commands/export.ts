// `cli export --comparison ID --format json|csv --out DIR [--blind]`: the same files the export routes serve,
// written into DIR (created if needed). Paths written go to stdout, progress to stderr. Migrates, never seeds.
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "#db/prepare";
import {
  bundleFile,
  buildComparisonExport,
  correctionsCsvFile,
  tableCsvFile,
  type ExportFile,
} from "#app/models/export.server";
import { TABLE_IDS } from "#app/compare/tables";

const USAGE = "usage: export --comparison ID --format json|csv --out DIR [--blind]";

export async function run(argv: string[]): Promise<number> {
  let id: number | null = null;
  let format: string | null = null;
  let out: string | null = null;
  let blind = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--blind") blind = true;
    else if (flag === "--comparison") {
      const v = value();
      if (!v || !/^\d{1,12}$/.test(v) || Number(v) <= 0) {
        console.error(`export: --comparison needs a comparison id (a positive number), got "${v ?? ""}"\n${USAGE}`);
        return 2;
      }
      id = Number(v);
    } else if (flag === "--format") format = value() ?? "";
    else if (flag === "--out") out = value() ?? "";
    else {
      console.error(`export: unknown option "${a}"\n${USAGE}`);
      return 2;
    }
  }
  if (id === null) {
    console.error(`export: --comparison is required\n${USAGE}`);
    return 2;
  }
  if (format !== "json" && format !== "csv") {
    console.error(`export: --format must be json or csv${format === null ? "" : `, not "${format}"`}\n${USAGE}`);
    return 2;
  }
  if (!out) {
    console.error(`export: --out DIR is required\n${USAGE}`);
    return 2;
  }
  const db = await prepareDatabase({ seed: false });
  try {
    console.error(`export: building comparison ${id}${blind ? " (blind)" : ""}…`);
    const exp = await buildComparisonExport(db, id, {
      blind,
      source: `cli export --comparison ${id} --format ${format}${blind ? " --blind" : ""}`,
    });
    if (!exp) {
      console.error(`export: no comparison with id ${id} (see "cli list")`);
      return 1;
    }
    const files: ExportFile[] = format === "json" ? [bundleFile(exp)] : TABLE_IDS.map((t) => tableCsvFile(exp, t));
    // People's corrections (issue 17): in the bundle always; as their own CSV when there are any.
    if (format === "csv" && exp.corrections.length) files.push(correctionsCsvFile(exp));
    fs.mkdirSync(out, { recursive: true });
    for (const f of files) {
      const p = path.resolve(out, f.filename);
      fs.writeFileSync(p, f.body);
      process.stdout.write(p + "\n");
    }
    console.error(`export: wrote ${files.length} file${files.length === 1 ? "" : "s"} to ${path.resolve(out)}`);
    return 0;
  } finally {
    db.$client.close();
  }
}
