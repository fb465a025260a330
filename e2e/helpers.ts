import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const SEED_ARTICLE = "/politics/sessions-offered-to-quit-amid-rift-with-trump";
export const SEED_HEADLINE = "Sessions Offered to Quit Amid Rift With Trump on Russian Federation";
export const HIDDEN_TOKENS = ["DRAFTTOKEN1", "DRAFTTOKEN2", "DRAFTTOKEN3", "REVIEWTOKEN", "SCHEDULEDTOKEN1", "SCHEDULEDTOKEN2", "ARCHIVEDTOKEN"];

/**
 * Lets a loaded page's scripts run before a check: network idle, but waiting at most `ms`. Next.js
 * can keep a router prefetch open for minutes (CI, 2026-12-01: the dashboard's preview page never
 * went idle in 2 minutes), which must not stall a check that is about something else.
 */
export async function settle(page: Page, ms = 10_000) {
  await page.waitForLoadState("networkidle", { timeout: ms }).catch(() => undefined);
}

/** WCAG 2.2 AA as axe-core checks it: no violations at all. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Both themes: the stored choice is applied before first paint by the inline theme script. */
export async function expectAccessibleInBothThemes(page: Page) {
  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => localStorage.setItem("theme", t), theme);
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    await expectAccessible(page);
  }
}

/** A story as the curation API lists it, and the curation as it answers. */
export type CurationItem = { id: string; slug: string; section: { slug: string } };
export type Curation = { lists: { EDITORS_PICKS: CurationItem[] }; candidates: CurationItem[] };

/** The stories of the front page's picks rail, in order, as their paths. */
export function picksOnFrontPage(html: string): string[] {
  const start = html.indexOf('id="picks-heading"');
  expect(start, "the front page has an editors' picks rail").toBeGreaterThan(-1);
  const rail = html.slice(start, html.indexOf("</section>", start));
  return [...rail.matchAll(/href="(\/[^"#?]+)"/g)].map((m) => m[1]!).filter((p, i, all) => all.indexOf(p) === i);
}
