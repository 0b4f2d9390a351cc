import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "turso",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
  casing: "snake_case",
  dbCredentials: {
    url: process.env.DATABASE_URL ?? "file:data/parallax.db",
    authToken: process.env.DATABASE_AUTH_TOKEN,
  },
});
