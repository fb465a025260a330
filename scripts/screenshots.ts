/**
 * Screenshots of pages at desktop (1280 px) and mobile (375 px) widths in both themes, for
 * looking at what we built: `tsx scripts/screenshots.ts [baseUrl] [path ...]` → screenshots/.
 */
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const [base = "http://localhost:3000", ...paths] = process.argv.slice(2);
const targets = paths.length ? paths : ["/", "/politics/sessions-offered-to-quit-amid-rift-with-trump", "/politics/no-such-story"];
mkdirSync("screenshots", { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const [label, width] of [["desktop", 1280], ["mobile", 375]] as const) {
  for (const theme of ["light", "dark"] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
    for (const target of targets) {
      await page.goto(base + target, { waitUntil: "networkidle" });
      // Scroll through once so that lazy images below the fold load before the full-page shot.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 60));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForLoadState("networkidle");
      const name = `${label}-${theme}-${target.replace(/[^a-z0-9]+/gi, "_").slice(0, 40) || "front"}.png`;
      await page.screenshot({ path: `screenshots/${name}`, fullPage: true });
      console.log(`screenshots/${name}`);
    }
    await page.close();
  }
}
await browser.close();
