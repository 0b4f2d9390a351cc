import { prepareDatabase } from "#db/prepare";
import { seedDatabase } from "#app/models/seed.server";

// `npm run db:seed` seeds again even where it ran before (the app itself seeds only once).
const db = await prepareDatabase({ seed: false });
await seedDatabase(db, { force: true });
db.$client.close();
console.error("seeded the demo and tutorial comparisons");
