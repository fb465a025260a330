import { cacheLife } from "next/cache";
import { pngResponse, renderPng, SiteCardImage } from "@/components/seo/og-image";
import { OG_IMAGE_SIZE } from "@/lib/seo/metadata";
import { getSiteSettings } from "@/server/data/articles";

// GET /opengraph-image – the site's card: its name and tagline (also named by pages without a card).
export const size = OG_IMAGE_SIZE;
export const contentType = "image/png";

async function siteCard(): Promise<Uint8Array> {
  "use cache";
  cacheLife("days");
  const settings = await getSiteSettings();
  return renderPng(<SiteCardImage siteName={settings.siteName} tagline={settings.tagline} />);
}

export default async function Image() {
  return pngResponse(await siteCard());
}
