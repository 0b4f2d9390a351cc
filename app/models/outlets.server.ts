import { eq, sql } from "drizzle-orm";
import { outlets, type Outlet } from "#db/schema";
import type { Db } from "#app/utils/db.server";

type Tx = Pick<Db, "select" | "insert" | "update">;

/** Outlets are created on the fly and reused by name (case-insensitive). */
export async function findOrCreateOutlet(
  db: Tx,
  name: string,
  extra: { country?: string | null; kind?: string | null } = {},
): Promise<Outlet> {
  const clean = name.replace(/\s+/g, " ").trim();
  const [found] = await db
    .select()
    .from(outlets)
    .where(sql`lower(${outlets.name}) = lower(${clean})`)
    .limit(1);
  if (found) {
    if ((!found.country && extra.country) || (!found.kind && extra.kind)) {
      const [updated] = await db
        .update(outlets)
        .set({ country: found.country ?? extra.country ?? null, kind: found.kind ?? extra.kind ?? null })
        .where(eq(outlets.id, found.id))
        .returning();
      return updated ?? found;
    }
    return found;
  }
  const [created] = await db
    .insert(outlets)
    .values({ name: clean, country: extra.country ?? null, kind: extra.kind ?? null })
    .returning();
  return created!;
}

export async function listOutlets(db: Db): Promise<Outlet[]> {
  return db.select().from(outlets).orderBy(outlets.name);
}
