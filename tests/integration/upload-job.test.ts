import { strToU8, zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { BULK_LIMITS } from "#app/ingest/bulk.server";
import { enqueueUploadImport, importJob } from "#app/models/import-job.server";
import { getJob, runWorker } from "#app/models/jobs.server";
import { getDb } from "#app/utils/db.server";

const enc = (s: string) => strToU8(s);
const STORY = "Harbour officials in the fictional town of Velmora said on Tuesday that the ferry would resume. ".repeat(
  8,
);

describe("uploads are parsed by the job worker", () => {
  test("an upload is queued as files; the worker reads them into items and imports them", async () => {
    const db = getDb();
    const csv = `title,text\nFerry returns,"${STORY}"\nBridge closes,"${STORY.replace(/ferry/g, "bridge")}"\n`;
    const job = await enqueueUploadImport(db, [{ name: "list.csv", bytes: enc(csv) }], null);
    expect(job.total).toBe(1);
    await runWorker({ db, handlers: { import: importJob }, workerId: "upload-1", stopWhenIdle: true, pollMs: 10 });
    const done = (await getJob(db, job.id))!;
    expect(done.status).toBe("done");
    expect(done.total).toBe(2);
    expect(done.done).toBe(2);
    expect(done.log[0]).toBe("2 items to import");
  });

  test("a file over the record limit says so before any item is imported", async () => {
    const db = getDb();
    const limit = BULK_LIMITS.maxRecords;
    BULK_LIMITS.maxRecords = 3;
    try {
      const rows = Array.from({ length: 10 }, (_, i) => `https://news.invalid/story-${i}`).join("\n");
      const job = await enqueueUploadImport(db, [{ name: "big.csv", bytes: enc(`url\n${rows}\n`) }], null);
      // The worker only reads the file here (the fetches fail fast: .invalid never resolves).
      await runWorker({ db, handlers: { import: importJob }, workerId: "upload-2", stopWhenIdle: true, pollMs: 10 });
      const done = (await getJob(db, job.id))!;
      expect(done.log[0]).toBe("10 records: the first 3 will be imported; split the file to import the rest.");
      expect(done.total).toBe(3);
    } finally {
      BULK_LIMITS.maxRecords = limit;
    }
  });

  test("a hostile archive fails its job with the reason, and nothing is imported", async () => {
    const db = getDb();
    const bomb = zipSync({ "a.txt": new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    const job = await enqueueUploadImport(db, [{ name: "bomb.zip", bytes: bomb }], null);
    await runWorker({ db, handlers: { import: importJob }, workerId: "upload-3", stopWhenIdle: true, pollMs: 10 });
    const done = (await getJob(db, job.id))!;
    expect(done.status).toBe("failed");
    expect(JSON.stringify(done.log)).toMatch(/100 times its packed size/);
  });
});
