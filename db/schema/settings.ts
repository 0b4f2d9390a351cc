import { sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Small key-value facts about this database (e.g. when the demo was seeded). */
export const settings = sqliteTable("settings", {
  key: text().primaryKey(),
  value: text().notNull(),
});
