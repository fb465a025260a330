import { expect, test } from "@playwright/test";

// Slugs of the demo articles that must never be shown (see scripts/seed/content.ts).
test("unpublished demo articles answer 404 to readers, on their first request", async ({ request }) => {
  const front = await (await request.get("/")).text();
  const { demoArticles } = await import("../scripts/seed/content.ts");
  const hidden = demoArticles.filter((a) => a.status !== "PUBLISHED");
  expect(hidden.length).toBeGreaterThanOrEqual(7);
  for (const article of hidden) {
    const response = await request.get(`/${article.section}/${article.slug}`, { maxRedirects: 0 });
    expect(response.status(), `${article.status} ${article.slug}`).toBe(404);
    expect(front).not.toContain(article.slug);
  }
});
