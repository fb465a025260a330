import { expect, test } from "@playwright/test";
import { paragraph } from "../../bench/lib/staff";
import { apiJson, apiSession, uniqueHeadline } from "./staff";

type Article = { id: string; version: number; status: string; slug: string; headline: string; path: string; section: { slug: string } };
type Section = { id: string; slug: string };

/** The "Related stories" rail of an article page, as its links' paths and texts. */
function railOf(html: string): { paths: string[]; text: string } {
  const start = html.indexOf('id="related-heading"');
  if (start === -1) return { paths: [], text: "" };
  const rail = html.slice(start, html.indexOf("</section>", start));
  return { paths: [...rail.matchAll(/href="(\/[^"#?]+)"/g)].map((m) => m[1]!), text: rail };
}

// A story's rail lists only stories sharing its section or a tag, so a change to one story
// expires the rails of its neighbours, at the next request, and leaves the rest of the archive's
// article pages cached, in the page cache in front of Next.js too (before, every publication or
// edit expired every article page).
test("a change reaches the rails that list the story at the next request, and no other article page", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const api = await apiSession(playwright, baseURL!, "editor");
  const call = async <T>(method: string, path: string, data?: unknown) => {
    const response = await apiJson<T>(api, method, path, baseURL!, data);
    expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
    return response.body?.data as T;
  };
  const sections = await call<Section[]>("GET", "/api/v1/sections");
  const sectionId = (slug: string) => sections.find((s) => s.slug === slug)!.id;
  const tag = uniqueHeadline("rail");
  const publish = async (headline: string, section: string) => {
    const draft = await call<Article>("POST", "/api/v1/articles", { headline, sectionId: sectionId(section), tags: [tag], body: paragraph("Words.") });
    return call<Article>("POST", `/api/v1/articles/${draft.id}/publish`, { version: draft.version });
  };
  // Two stories in different sections, sharing only a tag: each is the other's first related story.
  const first = await publish(uniqueHeadline("Rail first"), "culture");
  let second = await publish(uniqueHeadline("Rail second"), "science");
  const page = async (path: string) => {
    const response = await fetch(baseURL + path);
    expect(response.status, path).toBe(200);
    return { html: await response.text(), cache: response.headers.get("x-cache") };
  };
  expect(railOf((await page(first.path)).html).paths).toContain(second.path);

  // An article page far from both: another section, not the tag.
  // Asked of the sport section: the newest hundred stories of all are the permission matrix's.
  const list = await call<Article[]>("GET", "/api/v1/articles?status=PUBLISHED&section=sport&perPage=100");
  const far = list.find((a) => a.section.slug === "sport" && a.status === "PUBLISHED")!;
  expect(far, "a public sport story").toBeTruthy();

  // Each edit of the second story: the first's rail shows the new headline at once. The far page
  // stays in the page cache in front of Next.js (X-Cache: HIT): the edit's tags are not its tags.
  // A change to what every page shows (the sections, the banner, the picks) would forget it, so
  // this runs in a project of its own, after the others, and up to six edits are made until one
  // such answer. Before, every edit rendered it again (six of six); then every edit emptied the
  // page cache and Next.js answered it from its own cache.
  const farAnswers: (string | null)[] = [];
  for (let round = 0; round < 6 && !farAnswers.includes("HIT"); round++) {
    await page(far.path);
    await page(far.path);
    second = await call<Article>("PATCH", `/api/v1/articles/${second.id}`, { version: second.version, headline: uniqueHeadline(`Rail second, edit ${round}`) });
    farAnswers.push((await page(far.path)).cache);
    // The edited story's neighbour is forgotten: its rail shows the new headline.
    const neighbour = await page(first.path);
    expect(neighbour.cache, `round ${round}: the neighbour`).toBe("MISS");
    expect(railOf(neighbour.html).text, `round ${round}: the edited headline`).toContain(second.headline);
  }
  expect(farAnswers, "the far page after each edit, from the page cache").toContain("HIT");

  // Unpublished: gone from the first's rail at the next request.
  second = await call<Article>("POST", `/api/v1/articles/${second.id}/unpublish`, { version: second.version });
  expect(railOf((await page(first.path)).html).paths).not.toContain(second.path);

  for (const story of [first, second]) {
    const current = await call<Article>("GET", `/api/v1/articles/${story.id}`);
    await call("DELETE", `/api/v1/articles/${story.id}?version=${current.version}`);
  }
});
