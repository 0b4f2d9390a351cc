import { sqliteTable, integer, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

export const outlets = sqliteTable("outlets", {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull().unique(),
  country: text(),
  kind: text(),
  /** A label the user chooses (e.g. "Israeli right", "Egyptian state media"); never set by Parallax. */
  perspective: text(),
  createdAt: text()
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

export type Outlet = typeof outlets.$inferSelect;
export type NewOutlet = typeof outlets.$inferInsert;
