import { cacheLife } from "next/cache";
import { pngResponse, renderPng, WordmarkImage } from "@/components/seo/og-image";
import { PUBLISHER_LOGO } from "@/lib/seo/metadata";
import { getSiteSettings } from "@/server/data/articles";

// GET /logo.png – the publisher logo named by NewsArticle and Organization structured data: the
// site name from the settings as a 600x60 wordmark (Google's size for publisher logos).
async function logo(): Promise<Uint8Array> {
  "use cache";
  cacheLife("days");
  const settings = await getSiteSettings();
  return renderPng(<WordmarkImage siteName={settings.siteName} />, PUBLISHER_LOGO);
}

export async function GET() {
  return pngResponse(await logo());
}
