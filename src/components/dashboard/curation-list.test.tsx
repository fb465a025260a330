import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// The server action is not called while rendering; its module would open the database.
vi.mock("@/server/actions/curation", () => ({ saveCuratedListAction: vi.fn() }));
const { CurationList } = await import("./curation-list.client");

const item = (id: string, headline: string) => ({ id, headline, slug: id, section: { slug: "politics", name: "Politics" }, publishedAt: "2031-01-01T00:00:00.000Z" });
const items = [item("a", "Polls close"), item("b", "Storm <warning>")];

describe("CurationList", () => {
  const html = renderToStaticMarkup(
    <CurationList list="FRONT_PAGE" title="Front page" description="Lead first." limit={12} initialItems={items} candidates={[...items, item("c", "Budget")]} />,
  );

  it("names every control after its story, with real buttons", () => {
    expect(html).toContain('aria-label="Move “Polls close” up"');
    expect(html).toContain('aria-label="Move “Polls close” down"');
    expect(html).toContain('aria-label="Remove “Storm &lt;warning&gt;”"');
    expect(html.match(/<button type="button"/g)?.length).toBe(7); // 3 per story + Add
  });

  it("keeps end buttons focusable but marked disabled, and labels the lead", () => {
    expect(html).toMatch(/<button type="button" id="curation-FRONT_PAGE-a-up"[^>]*aria-disabled="true"/);
    expect(html).not.toMatch(/<button type="button" id="curation-FRONT_PAGE-a-down"[^>]*aria-disabled="true"/);
    expect(html).toContain(">Lead<");
  });

  it("submits the article ids in order, and offers only stories not yet listed", () => {
    expect([...html.matchAll(/name="articleId" value="([^"]+)"/g)].map((m) => m[1])).toEqual(["a", "b"]);
    expect(html).toContain('<input type="hidden" name="list" value="FRONT_PAGE"/>');
    expect([...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(["", "c"]);
    expect(html).toContain('<label for="curation-FRONT_PAGE-add"');
  });
});
