import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// Server actions are not called while rendering; their modules would open the database.
vi.mock("@/server/actions/taxonomy", () =>
  Object.fromEntries(
    ["createSectionAction", "updateSectionAction", "moveSectionAction", "deleteSectionAction", "renameTagAction", "mergeTagAction", "deleteTagAction"].map((name) => [name, vi.fn()]),
  ),
);
vi.mock("@/server/actions/curation", () => ({ breakingNewsAction: vi.fn() }));
const { SectionsTable, TagsTable, CreateSectionForm } = await import("./taxonomy-forms.client");
const { BreakingNewsForm } = await import("./breaking-news-form.client");

const entry = (id: string, name: string, articleCount = 0) => ({ id, slug: id, name, description: "", articleCount });

describe("taxonomy tables", () => {
  it("gives every section row named move, rename and delete controls, first and last marked", () => {
    const html = renderToStaticMarkup(<SectionsTable sections={[entry("politics", "Politics", 3), entry("sport", "Sport")]} />);
    expect(html).toMatch(/<button type="submit" value="up"[^>]*aria-label="Move “Politics” up" aria-disabled="true"/);
    expect(html).toContain('aria-label="Move “Sport” up"');
    expect(html).toContain('<label for="section-sport-name"');
    expect(html).toContain('<th scope="row"');
    expect(html).toContain("Delete<span class=\"sr-only\"> “Politics”</span>");
  });

  it("offers every other tag as a merge target", () => {
    const html = renderToStaticMarkup(<TagsTable tags={[entry("brexit", "Brexit", 2), entry("eu", "EU"), entry("uk", "UK")]} />);
    const brexitRow = html.slice(html.indexOf("tag-brexit-merge"), html.indexOf("tag-eu-merge"));
    expect([...brexitRow.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(["", "eu", "uk"]);
    expect(html).toContain('<label for="tag-brexit-merge" class="sr-only">Merge “Brexit” into</label>');
  });

  it("labels the new-section form", () => {
    const html = renderToStaticMarkup(<CreateSectionForm />);
    for (const field of ["name", "slug", "description"]) expect(html).toContain(`<label for="new-section-${field}"`);
  });
});

describe("breaking-news form", () => {
  it("renders the stored banner; the expiry is filled in by the browser, in its own zone", () => {
    const html = renderToStaticMarkup(<BreakingNewsForm current={{ text: "Polls close", url: "/politics", expiresAt: "2031-01-01T10:00:00.000Z", live: true }} />);
    expect(html).toContain('value="Polls close"');
    expect(html).toContain('type="datetime-local"');
    expect(html).toContain('<input type="hidden" name="expiresAt" value=""/>');
    expect(html).toMatch(/<button type="submit" value="clear"[^>]*name="intent">Clear banner</);
  });
});
