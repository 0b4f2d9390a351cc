import { lstat, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Unzip, UnzipInflate } from "fflate";
import Papa from "papaparse";
import { toIsoDate } from "./extract.server";
import { normaliseText } from "./clean-text";
import { isHttpUrl } from "./normalize-url";
import { readUpload } from "./upload.server";

/** One article to import: a URL to fetch, a text to store, or both. */
export type BulkRecord = {
  title?: string;
  url?: string;
  outlet?: string;
  author?: string;
  published?: string;
  language?: string;
  text?: string;
};

/** `input` names where the item came from ("coverage.tsv row 4", "notes/day-1.md") for progress and errors. */
export type BulkItem =
  { ok: true; input: string; record: BulkRecord; warnings: string[] } | { ok: false; input: string; reason: string };

export type BulkFormat = "csv" | "tsv" | "json" | "jsonl" | "txt" | "md" | "html" | "zip" | "folder";

/** `errors` are whole-file problems (nothing could be read); per-item problems sit in `items`. */
export type BulkParse = { format: BulkFormat | null; items: BulkItem[]; errors: string[] };

export const BULK_LIMITS = {
  maxFileBytes: 50 * 1024 * 1024,
  maxRecords: 20_000,
  maxFolderFiles: 5_000,
  maxFolderDepth: 4,
  maxZipBytes: 200 * 1024 * 1024,
  // Text packs to a tenth of its size or so; a file that inflates a hundredfold is built to do harm.
  maxZipRatio: 100,
};

const TEXT_EXTENSIONS = new Set([".txt", ".md", ".html", ".htm"]);
const TABLE_EXTENSIONS = new Set([".csv", ".tsv", ".tab", ".json", ".jsonl", ".ndjson"]);
const FOLDER_EXTENSIONS = new Set([...TEXT_EXTENSIONS, ...TABLE_EXTENSIONS]);

// Column and field names seen in coverage lists and exports (Media Cloud: media_name, publish_date).
const FIELD_ALIASES: Record<keyof BulkRecord, string[]> = {
  url: ["url", "link", "story_url", "article_url", "href", "uri"],
  title: ["title", "headline"],
  outlet: ["outlet", "media_name", "media", "source", "publisher", "site", "site_name", "publication"],
  author: ["author", "byline", "authors"],
  published: ["published", "publish_date", "published_at", "date", "pub_date", "publication_date", "datepublished"],
  language: ["language", "lang"],
  text: ["text", "body", "content", "article_text", "story_text", "full_text"],
};

/** A safe relative label for an uploaded name: no drive, no leading "/", no "." or ".." segments. */
export function safeRelativeName(name: string): string {
  const parts = name
    .replace(/\0/g, "")
    .split(/[\\/]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "" && p !== "." && p !== ".." && !/^[a-z]:$/i.test(p));
  return parts.join("/").slice(0, 300) || "unnamed";
}

/** Resolves `name` under `root`, or null when it would land outside it (for callers that write uploads). */
export function resolveInside(root: string, name: string): string | null {
  const base = path.resolve(root);
  const full = path.resolve(base, safeRelativeName(name));
  return full === base || full.startsWith(base + path.sep) ? full : null;
}

/** Parses one uploaded or read file: a table, JSON, JSONL, a zip of files, or a single text/HTML article. */
export function parseBulkFile(name: string, bytes: Uint8Array): BulkParse {
  const label = safeRelativeName(name);
  const ext = extensionOf(label);
  if (bytes.length === 0) return fail(null, `“${label}” is empty.`);
  if (bytes.length > BULK_LIMITS.maxFileBytes)
    return fail(null, `“${label}” is larger than 50 MB; split it into smaller files.`);
  if (ext === ".zip" || isZip(bytes)) return parseZip(label, bytes);
  if (TEXT_EXTENSIONS.has(ext)) {
    const item = readTextFile(label, bytes);
    return { format: ext === ".htm" ? "html" : (ext.slice(1) as BulkFormat), items: [item], errors: [] };
  }
  if (!TABLE_EXTENSIONS.has(ext)) {
    return fail(
      null,
      `“${label}” is not a file Parallax can import: use .csv, .tsv, .json, .jsonl, .txt, .md, .html, a .zip of those, or a folder.`,
    );
  }
  if (looksBinaryTable(bytes)) return fail(null, `“${label}” is not a text file (it looks binary).`);
  return parseBulkText(label, decodeText(bytes));
}

/** Parses table or JSON text already decoded; the format comes from the name's extension, else from the content. */
export function parseBulkText(name: string, content: string): BulkParse {
  const label = safeRelativeName(name);
  const text = content.replace(/^\uFEFF/, "");
  const ext = extensionOf(label);
  if (!text.trim()) return fail(null, `“${label}” is empty.`);
  if (ext === ".json") return parseJson(label, text);
  if (ext === ".jsonl" || ext === ".ndjson") return parseJsonl(label, text);
  if (ext === ".tsv" || ext === ".tab") return parseTable(label, text, "tsv");
  if (ext === ".csv") return parseTable(label, text, "csv");
  const head = text.trimStart();
  if (head.startsWith("[")) return parseJson(label, text);
  if (head.startsWith("{")) {
    const firstLine = head.split("\n", 1)[0]!.trim();
    return firstLine.endsWith("}") && head.includes("\n{") ? parseJsonl(label, text) : parseJson(label, text);
  }
  return parseTable(label, text, text.split("\n", 1)[0]!.includes("\t") ? "tsv" : "csv");
}

/** Uploaded files (a folder upload gives many, each with a relative name): one list of items. */
export function parseBulkFiles(files: Array<{ name: string; bytes: Uint8Array }>): BulkParse {
  if (files.length === 1) return parseBulkFile(files[0]!.name, files[0]!.bytes);
  if (files.length === 0) return fail(null, "No files were uploaded.");
  return parseFolderFiles(files.slice(0, BULK_LIMITS.maxFolderFiles), files.length > BULK_LIMITS.maxFolderFiles);
}

// A file that cannot be read at all becomes one failed item, so the rest of the folder still imports.
function parseFolderFiles(files: Array<{ name: string; bytes: Uint8Array }>, truncated: boolean): BulkParse {
  const items: BulkItem[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const r = parseBulkFile(f.name, f.bytes);
    if (r.format === null)
      for (const e of r.errors) items.push({ ok: false, input: safeRelativeName(f.name), reason: e });
    else {
      items.push(...r.items);
      errors.push(...r.errors.map((e) => `${safeRelativeName(f.name)}: ${e}`));
    }
    if (items.length > BULK_LIMITS.maxRecords) break;
  }
  if (truncated) errors.push(`Only the first ${BULK_LIMITS.maxFolderFiles} files were read.`);
  return finish("folder", items, errors);
}

/** CLI: a file or a folder on disk. Folders are walked without following symbolic links. */
export async function readBulkPath(target: string): Promise<BulkParse> {
  let st;
  try {
    st = await lstat(target);
  } catch {
    return fail(null, `No file or folder at ${target}.`);
  }
  if (st.isFile()) {
    if (st.size > BULK_LIMITS.maxFileBytes)
      return fail(null, `${target} is larger than 50 MB; split it into smaller files.`);
    return parseBulkFile(path.basename(target), await readFile(target));
  }
  if (!st.isDirectory()) return fail(null, `${target} is neither a file nor a folder.`);
  const root = path.resolve(target);
  const files: Array<{ name: string; bytes: Uint8Array }> = [];
  const skipped: BulkItem[] = [];
  const errors: string[] = [];
  const queue: Array<{ dir: string; depth: number }> = [{ dir: root, depth: 0 }];
  let truncated = false;
  walk: while (queue.length > 0) {
    const { dir, depth } = queue.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      errors.push(`Could not read the folder ${path.relative(root, dir) || "."}.`);
      continue;
    }
    entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const full = path.join(dir, e.name);
      const rel = path.relative(root, full).split(path.sep).join("/");
      // Dirent types come from lstat: symbolic links are neither files nor folders here, so never followed.
      if (e.isDirectory()) {
        if (depth + 1 < BULK_LIMITS.maxFolderDepth) queue.push({ dir: full, depth: depth + 1 });
        continue;
      }
      if (!e.isFile()) continue;
      if (!FOLDER_EXTENSIONS.has(extensionOf(e.name))) {
        skipped.push({
          ok: false,
          input: rel,
          reason: `Skipped “${rel}”: not a .txt, .md, .html, .csv, .tsv, .json or .jsonl file.`,
        });
        continue;
      }
      if (files.length >= BULK_LIMITS.maxFolderFiles) {
        truncated = true;
        break walk;
      }
      const size = (await lstat(full)).size;
      if (size > BULK_LIMITS.maxFileBytes) {
        skipped.push({ ok: false, input: rel, reason: `“${rel}” is larger than 50 MB; split it into smaller files.` });
        continue;
      }
      files.push({ name: rel, bytes: await readFile(full) });
    }
  }
  if (files.length === 0 && skipped.length === 0)
    return fail("folder", `The folder ${target} has no .txt, .md or .html files.`);
  const parsed = parseFolderFiles(files, truncated);
  return { format: "folder", items: [...parsed.items, ...skipped], errors: [...errors, ...parsed.errors] };
}

function readTextFile(label: string, bytes: Uint8Array): BulkItem {
  const r = readUpload(label, bytes);
  if (!r.ok) return { ok: false, input: label, reason: r.reason };
  const record = compact({
    title: r.title ?? undefined,
    url: r.url ?? undefined,
    outlet: r.outlet ?? undefined,
    author: r.author ?? undefined,
    published: r.published ?? undefined,
    language: r.language ?? undefined,
    text: r.text,
  });
  return { ok: true, input: label, record, warnings: [] };
}

/**
 * Unpacks a zip as a stream, counting what it really inflates rather than trusting the sizes it declares:
 * it stops at the first entry past the total, per-file or ratio limit, or past the entry count. Input is fed
 * in small slices so that no one step can inflate more than a few megabytes.
 */
export function unzipLimited(
  bytes: Uint8Array,
  limits: typeof BULK_LIMITS = BULK_LIMITS,
):
  | { files: Array<{ name: string; bytes: Uint8Array }> }
  | { error: "size" | "count" | "ratio" | "unreadable"; entry?: string } {
  const files: Array<{ name: string; bytes: Uint8Array }> = [];
  let total = 0;
  let count = 0;
  let open = 0;
  let seen = 0;
  let error: { error: "size" | "count" | "ratio" | "unreadable"; entry?: string } | null = null;
  const unzip = new Unzip((file) => {
    seen++;
    if (error) return;
    const rel = safeRelativeName(file.name);
    if (file.name.endsWith("/") || rel.split("/").some((p) => p.startsWith(".") || p === "__MACOSX")) return;
    if (!FOLDER_EXTENSIONS.has(extensionOf(rel))) return;
    if (++count > limits.maxFolderFiles) {
      error = { error: "count" };
      return;
    }
    const packed = file.compression === 0 ? 0 : (file.size ?? 0);
    const chunks: Uint8Array[] = [];
    let size = 0;
    open++;
    file.ondata = (err, chunk, final) => {
      if (error) return;
      if (err) {
        error = { error: "unreadable", entry: rel };
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (total > limits.maxZipBytes || size > limits.maxFileBytes) error = { error: "size", entry: rel };
      else if (packed > 0 && size > 1024 * 1024 && size / packed > limits.maxZipRatio)
        error = { error: "ratio", entry: rel };
      if (error) {
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        open--;
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        files.push({ name: file.name, bytes: out });
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const SLICE = 4096;
  try {
    for (let at = 0; at < bytes.length && !error; at += SLICE)
      unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  } catch {
    return { error: "unreadable" };
  }
  if (error) return error;
  // An entry begun and never finished: the archive is cut short.
  if (open > 0 || seen === 0) return { error: "unreadable" };
  return { files };
}

function parseZip(label: string, bytes: Uint8Array): BulkParse {
  const r = unzipLimited(bytes);
  if ("error" in r) {
    const mb = Math.round(BULK_LIMITS.maxZipBytes / (1024 * 1024));
    if (r.error === "size" || r.error === "count")
      return fail(null, `“${label}” unpacks to more than ${mb} MB or ${BULK_LIMITS.maxFolderFiles} files; split it.`);
    if (r.error === "ratio") {
      return fail(
        null,
        `“${label}” holds a file (“${r.entry}”) that unpacks to over ${BULK_LIMITS.maxZipRatio} times its packed size; Parallax refuses archives like that.`,
      );
    }
    return fail(null, `“${label}” is not a readable zip archive.`);
  }
  const sorted = r.files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (sorted.length === 0)
    return fail(null, `“${label}” holds no .txt, .md, .html, .csv, .tsv, .json or .jsonl files.`);
  const inner = parseBulkFiles(sorted.map((f) => ({ name: `${label}/${safeRelativeName(f.name)}`, bytes: f.bytes })));
  return { ...inner, format: "zip" };
}

function parseTable(label: string, text: string, kind: "csv" | "tsv"): BulkParse {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    delimiter: kind === "tsv" ? "\t" : "",
    transformHeader: (h) => h.trim().toLowerCase().replace(/\s+/g, "_"),
  });
  const fields = (parsed.meta.fields ?? []).filter((f) => f !== "");
  const column = (key: keyof BulkRecord) => FIELD_ALIASES[key].find((a) => fields.includes(a));
  const urlCol = column("url");
  const textCol = column("text");
  if (!urlCol && !textCol) {
    const shown = fields.slice(0, 12).join(", ") || "none";
    return fail(
      kind,
      `“${label}” has no url column (its columns: ${shown}). Add a column named "url" with one web address per row.`,
    );
  }
  const rowErrors = new Map<number, string>();
  let unclosedQuote = false;
  for (const e of parsed.errors) {
    // An unterminated quote swallows the rest of the file into the last row.
    if (e.code === "MissingQuotes") unclosedQuote = true;
    else if (typeof e.row === "number" && !rowErrors.has(e.row)) rowErrors.set(e.row, e.message);
  }
  const items: BulkItem[] = [];
  parsed.data.forEach((row, i) => {
    // Row numbers as a spreadsheet shows them: the header is row 1.
    const input = `${label} row ${i + 2}`;
    if (unclosedQuote && i === parsed.data.length - 1) {
      items.push({
        ok: false,
        input,
        reason: `Row ${
          i + 2
        } could not be read: a quote (") is opened and never closed, so the rest of the file ran into it. Fix the quoting and import again.`,
      });
      return;
    }
    const problem = rowErrors.get(i);
    const get = (key: keyof BulkRecord) => {
      const col = column(key);
      const v = col ? row[col] : undefined;
      return typeof v === "string" ? v : undefined;
    };
    items.push(toItem(input, get, problem ? [`Row ${i + 2}: ${problem}.`] : []));
  });
  return finish(kind, items, []);
}

function parseJson(label: string, text: string): BulkParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail(
      "json",
      `“${label}” is not valid JSON (${jsonMessage(err)}). Use one record, a list of records, or JSONL (one record per line).`,
    );
  }
  let list: unknown[] | null = Array.isArray(data) ? data : null;
  if (!list && data && typeof data === "object") {
    const o = data as Record<string, unknown>;
    const key = ["records", "items", "stories", "articles", "data", "results"].find((k) => Array.isArray(o[k]));
    list = key ? (o[key] as unknown[]) : [data];
  }
  if (!list) return fail("json", `“${label}” holds a ${typeof data}, not a record or a list of records.`);
  return finish(
    "json",
    list.map((r, i) => recordItem(`${label} record ${i + 1}`, r)),
    [],
  );
}

function parseJsonl(label: string, text: string): BulkParse {
  const items: BulkItem[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const input = `${label} line ${i + 1}`;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (err) {
      items.push({ ok: false, input, reason: `Line ${i + 1} is not valid JSON (${jsonMessage(err)}).` });
      continue;
    }
    items.push(recordItem(input, data));
    if (items.length > BULK_LIMITS.maxRecords) break;
  }
  if (items.length === 0) return fail("jsonl", `“${label}” has no records.`);
  return finish("jsonl", items, []);
}

function recordItem(input: string, data: unknown): BulkItem {
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      input,
      reason: `${capitalise(input)} is not a record like {"url": "https://…"} or {"title": "…", "text": "…"}.`,
    };
  }
  const o = data as Record<string, unknown>;
  const lower = new Map(Object.entries(o).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const warnings: string[] = [];
  const get = (key: keyof BulkRecord): string | undefined => {
    for (const alias of FIELD_ALIASES[key]) {
      const v = lower.get(alias);
      if (v === undefined || v === null) continue;
      if (typeof v === "string") return v;
      if (typeof v === "number" || typeof v === "boolean") return String(v);
      if (key === "author" && Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join(", ");
      warnings.push(`The field "${alias}" is not text and was ignored.`);
      return undefined;
    }
    return undefined;
  };
  return toItem(input, get, warnings);
}

/** Reads every field through `get` (a table row's or a JSON record's), in FIELD_ALIASES order, then checks it. */
function toItem(input: string, get: (key: keyof BulkRecord) => string | undefined, warnings: string[]): BulkItem {
  const raw = Object.fromEntries(
    (Object.keys(FIELD_ALIASES) as (keyof BulkRecord)[]).map((k) => [k, get(k)]),
  ) as Record<keyof BulkRecord, string | undefined>;
  const url = raw.url?.trim();
  const text = raw.text ? normaliseText(raw.text) : undefined;
  if (url && !isHttpUrl(url)) {
    return {
      ok: false,
      input,
      reason: `${capitalise(input)}: “${url.slice(0, 120)}” is not a web address (it should start with https://).`,
    };
  }
  if (!url && !text) return { ok: false, input, reason: `${capitalise(input)} has neither a url nor a text.` };
  let published = raw.published?.trim() || undefined;
  // Partial dates ("2016-03") keep their precision; a range ("2016-03-06/07") keeps its first day.
  const range = published ? /^(\d{4}-\d{2}-\d{2})\/(\d{2}|\d{4}-\d{2}-\d{2})$/.exec(published) : null;
  if (range) {
    warnings.push(`The date range “${published}” was stored as its first day, ${range[1]}.`);
    published = range[1];
  } else if (published && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(published)) {
    const iso = toIsoDate(published);
    if (!iso) warnings.push(`The date “${published.slice(0, 40)}” was not understood and was left out.`);
    published = iso ?? undefined;
  }
  const tidy = (s: string | undefined) => s?.replace(/\s+/g, " ").trim() || undefined;
  const record = compact({
    url,
    title: tidy(raw.title),
    outlet: tidy(raw.outlet),
    author: tidy(raw.author),
    published,
    language: tidy(raw.language)?.toLowerCase(),
    text: text || undefined,
  });
  return { ok: true, input, record, warnings };
}

function finish(format: BulkFormat | null, items: BulkItem[], errors: string[]): BulkParse {
  if (items.length > BULK_LIMITS.maxRecords) {
    return {
      format,
      items: items.slice(0, BULK_LIMITS.maxRecords),
      errors: [
        ...errors,
        `${items.length.toLocaleString("en")} records: the first ${BULK_LIMITS.maxRecords.toLocaleString("en")} will be imported; split the file to import the rest.`,
      ],
    };
  }
  return { format, items, errors };
}

function fail(format: BulkFormat | null, message: string): BulkParse {
  return { format, items: [], errors: [message] };
}

function compact(r: BulkRecord): BulkRecord {
  const out: BulkRecord = {};
  for (const [k, v] of Object.entries(r) as Array<[keyof BulkRecord, string | undefined]>)
    if (v !== undefined && v !== "") out[k] = v;
  return out;
}

function extensionOf(name: string): string {
  return (/\.[a-z0-9]+$/i.exec(name)?.[0] ?? "").toLowerCase();
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// NUL bytes or many control characters; unlike UTF-8 validity, this admits Windows-1252 exports.
function looksBinaryTable(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.02;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// Spreadsheet exports are UTF-8 or, from older Excel, Windows-1252.
function decodeText(bytes: Uint8Array): string {
  return isUtf8(bytes) ? new TextDecoder("utf-8").decode(bytes) : new TextDecoder("windows-1252").decode(bytes);
}

function jsonMessage(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.replace(/^JSON\.parse: /, "").slice(0, 120);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** CLI arguments: each is a URL (one item to fetch) or a path (a file or folder to read); items in argument order. */
export async function readImportInputs(inputs: string[]): Promise<BulkParse> {
  const items: BulkItem[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim())) {
      items.push(
        isHttpUrl(input)
          ? { ok: true, input, record: { url: input.trim() }, warnings: [] }
          : { ok: false, input, reason: `“${input}” is not an http or https address.` },
      );
      continue;
    }
    const r = await readBulkPath(input);
    items.push(...r.items);
    // A path that cannot be read at all is one failed input, so the other arguments still import.
    if (r.items.length === 0) for (const e of r.errors) items.push({ ok: false, input, reason: e });
    else errors.push(...r.errors);
  }
  return finish(null, items, errors);
}
