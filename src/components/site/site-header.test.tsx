import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SiteHeader } from "./site-header";

const settings = { siteName: "The Dell Boys", tagline: "News", siteUrl: "http://x", language: "en", breakingNews: null };
const sections = [{ slug: "politics", name: "Politics" }];

describe("SiteHeader", () => {
  it("shows no breaking-news banner when staff set none", () => {
    const html = renderToStaticMarkup(<SiteHeader settings={settings} sections={sections} />);
    expect(html).not.toContain("Breaking news");
    expect(html).toContain('href="#main"');
    expect(html).toContain('href="/politics"');
  });

  it("shows the breaking-news banner, linked when it has a URL, with its text escaped", () => {
    const html = renderToStaticMarkup(
      <SiteHeader settings={{ ...settings, breakingNews: { text: "Polls close <now>", url: "/politics/live" } }} sections={sections} />,
    );
    expect(html).toContain('aria-label="Breaking news"');
    expect(html).toContain('<a href="/politics/live" class="text-white underline">Polls close &lt;now&gt;</a>');
  });
});
