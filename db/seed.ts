import fs from "node:fs";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { eq } from "drizzle-orm";
import { coverageCandidates, settings } from "./schema";
import type { Db } from "./client";
import { cleanText } from "#app/ingest/clean-text";

/**
 * What the seed writes through: the app's data layer (app/models), handed in by the caller
 * (app/models/seed.server.ts), so that db/ never imports app/models. Only the shapes the seed uses.
 */
export interface SeedWriter {
  importArticle(
    db: Db,
    input: {
      text: string;
      title: string;
      author: string | null;
      outlet: string;
      outletCountry: string | null;
      outletKind: string | null;
      published: string | null;
      url?: string | null;
      language: string;
      origin: "seed";
      fictional?: boolean;
    },
  ): Promise<{ article: { id: number } }>;
  createComparison(
    db: Db,
    input: {
      name: string;
      description?: string | null;
      slug?: string | null;
      articleIds?: number[];
      focalArticleId?: number | null;
    },
  ): Promise<{ id: number }>;
  getComparisonBySlug(db: Db, slug: string): Promise<unknown>;
}

const DEMO_DIR = fileURLToPath(new URL("../app/demo/", import.meta.url));

export const DEMO = {
  slug: "demo",
  name: "A letter attributed to an ISIS member, on Hamas and ISIS in Sinai (2016)",
  description:
    "An article by an advocacy organisation about a letter attributed to an ISIS member that describes contacts between ISIS in Sinai and Hamas in Gaza; Hamas has denied such cooperation. Beside it, the other known coverage of the events it discusses, including the accused parties' responses where found (to import).",
  outlet: "Australia/Israel & Jewish Affairs Council",
  outletCountry: "Australia",
  outletKind: "advocacy organisation",
  author: "Ari Wenig",
  title: "The truth revealed about the Hamas-ISIS alliance",
  published: "2016",
};

interface TutorialManifest {
  comparison: { name: string; description: string };
  articles: {
    file: string;
    title: string;
    outlet: string;
    outletCountry?: string;
    outletKind?: string;
    author?: string;
    published?: string;
    url?: string;
  }[];
}

async function seedDemo(db: Db, w: SeedWriter): Promise<void> {
  if (await w.getComparisonBySlug(db, DEMO.slug)) return;
  const raw = fs.readFileSync(DEMO_DIR + "seed-article.txt", "utf8");
  const clean = cleanText(raw, { title: DEMO.title, outlet: DEMO.outlet });
  const imported = await w.importArticle(db, {
    text: clean.text,
    title: DEMO.title,
    author: clean.author ?? DEMO.author,
    outlet: DEMO.outlet,
    outletCountry: DEMO.outletCountry,
    outletKind: DEMO.outletKind,
    published: DEMO.published,
    language: "en",
    origin: "seed",
  });
  const comparison = await w.createComparison(db, {
    name: DEMO.name,
    description: DEMO.description,
    slug: DEMO.slug,
    articleIds: [imported.article.id],
    focalArticleId: imported.article.id,
  });
  const tsv = fs.readFileSync(DEMO_DIR + "seed-event-coverage.tsv", "utf8");
  const parsed = Papa.parse<Record<string, string>>(tsv, { header: true, delimiter: "\t", skipEmptyLines: true });
  const rows = parsed.data.filter((r) => r.url);
  if (rows.length) {
    await db.insert(coverageCandidates).values(
      rows.map((r) => ({
        comparisonId: comparison.id,
        manifestId: r.id ?? null,
        event: r.event ?? null,
        date: r.date ?? null,
        outlet: r.outlet ?? null,
        country: r.country ?? null,
        kind: r.kind ?? null,
        language: r.language ?? null,
        title: r.title ?? null,
        url: r.url!,
      })),
    );
  }
}

async function seedTutorial(db: Db, w: SeedWriter): Promise<void> {
  if (await w.getComparisonBySlug(db, "tutorial")) return;
  const manifestPath = DEMO_DIR + "tutorial/articles.json";
  if (!fs.existsSync(manifestPath)) return;
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as TutorialManifest;
  const ids: number[] = [];
  for (const a of manifest.articles) {
    const text = cleanText(fs.readFileSync(DEMO_DIR + "tutorial/" + a.file, "utf8")).text;
    const r = await w.importArticle(db, {
      text,
      title: a.title,
      author: a.author ?? null,
      outlet: a.outlet,
      outletCountry: a.outletCountry ?? null,
      outletKind: a.outletKind ?? null,
      published: a.published ?? null,
      url: a.url ?? null,
      language: "en",
      origin: "seed",
      fictional: true,
    });
    ids.push(r.article.id);
  }
  await w.createComparison(db, {
    ...manifest.comparison,
    slug: "tutorial",
    articleIds: ids,
    focalArticleId: ids[0] ?? null,
  });
}

/** Seeds the demo and the tutorial once per database: a user who deletes them does not get them back. */
export async function seedDb(db: Db, writer: SeedWriter, opts: { force?: boolean } = {}): Promise<boolean> {
  const [done] = await db.select().from(settings).where(eq(settings.key, "seeded_at"));
  if (done && !opts.force) return false;
  await seedDemo(db, writer);
  await seedTutorial(db, writer);
  await db
    .insert(settings)
    .values({ key: "seeded_at", value: new Date().toISOString() })
    .onConflictDoUpdate({ target: settings.key, set: { value: new Date().toISOString() } });
  return true;
}
