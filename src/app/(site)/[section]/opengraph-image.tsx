import { cacheLife } from "next/cache";
import { imageNotFound, pngResponse, renderPng, SectionCardImage } from "@/components/seo/og-image";
import { OG_IMAGE_SIZE } from "@/lib/seo/metadata";
import { getSectionPage, getSiteSettings } from "@/server/data/articles";

// GET /<section>/opengraph-image-<hash> – a section's card; 404 for a section that does not exist.
export const size = OG_IMAGE_SIZE;
export const contentType = "image/png";

async function sectionCard(slug: string): Promise<Uint8Array | null> {
  "use cache";
  cacheLife("hours");
  const [listing, settings] = await Promise.all([getSectionPage(slug, 1), getSiteSettings()]);
  if (!listing) return null;
  const { name, description } = listing.entity;
  return renderPng(<SectionCardImage siteName={settings.siteName} name={name} description={description} />);
}

export default async function Image({ params }: { params: Promise<{ section: string }> }) {
  const png = await sectionCard((await params).section);
  return png ? pngResponse(png) : imageNotFound();
}
