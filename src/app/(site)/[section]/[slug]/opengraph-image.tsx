import { cacheLife } from "next/cache";
import { ArticleCardImage, imageNotFound, pngResponse, renderPng } from "@/components/seo/og-image";
import { OG_IMAGE_SIZE } from "@/lib/seo/metadata";
import { getArticle, getSiteSettings } from "@/server/data/articles";

// GET /<section>/<slug>/opengraph-image-<hash> – an article's card (section, headline, byline);
// 404 unless the article is public and in this section, like the page itself.
export const size = OG_IMAGE_SIZE;
export const contentType = "image/png";

function byline(names: string[]): string | undefined {
  if (names.length === 0) return undefined;
  return `By ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`}`;
}

// Tagged through getArticle (article:<slug>) and getSiteSettings: a correction or unpublishing
// expires the card with the page.
async function articleCard(section: string, slug: string): Promise<Uint8Array | null> {
  "use cache";
  cacheLife("hours");
  const [found, settings] = await Promise.all([getArticle(slug), getSiteSettings()]);
  if (found.kind !== "found" || found.article.section.slug !== section) return null;
  const a = found.article;
  return renderPng(
    <ArticleCardImage
      siteName={settings.siteName}
      section={a.section.name}
      headline={a.headline}
      byline={byline(a.authors.map((x) => x.name))}
    />,
  );
}

export default async function Image({ params }: { params: Promise<{ section: string; slug: string }> }) {
  const { section, slug } = await params;
  const png = await articleCard(section, slug);
  return png ? pngResponse(png) : imageNotFound();
}
