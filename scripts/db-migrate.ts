import { prepareDatabase } from "#db/prepare";

const db = await prepareDatabase({ seed: false });
db.$client.close();
console.error(`migrated ${process.env.DATABASE_URL ?? "file:data/parallax.db"}`);
