// The README's screenshot tour, taken with headless Debian chromium against a running Parallax with the seeded
// demo: `node docs/screenshots/take.mjs http://127.0.0.1:3000` (writes the PNGs beside this file).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = path.dirname(fileURLToPath(import.meta.url));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
const desk = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await desk.goto(base + "/?large=0");
const href = async (name) => desk.getByRole("link", { name }).first().getAttribute("href");
const tutorial = base + (await href(/^Tutorial/));
const real = base + (await href(/ISIS fighter/));
await desk.screenshot({ path: path.join(out, "home.png") });
await desk.goto(real);
await desk.screenshot({ path: path.join(out, "real-case.png") });
await desk.goto(tutorial);
await desk.screenshot({ path: path.join(out, "tutorial.png") });
// The reader with a claim selected: the first claim carried by two or more articles.
const cell = await desk.evaluate(() => {
  for (const tr of document.querySelectorAll("#chart-claim-matrix tbody tr")) {
    const links = tr.querySelectorAll("td.stance-cell a");
    if (links.length >= 2) return links[0].getAttribute("href");
  }
  return null;
});
if (cell) {
  await desk.goto(tutorial + cell.replace(/#.*$/, "") + "#reader");
  await desk
    .waitForFunction(() => document.querySelectorAll(".article-text.aligned").length >= 2, null, { timeout: 10_000 })
    .catch(() => {});
  await desk.evaluate(() => document.querySelector(".focus-note, #reader")?.scrollIntoView());
  await desk.screenshot({ path: path.join(out, "reader-claim.png") });
}
const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 });
await phone.goto(tutorial);
await phone.screenshot({ path: path.join(out, "phone.png") });
await browser.close();
console.log("screenshots written to", out);
