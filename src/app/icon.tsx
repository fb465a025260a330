import { cacheLife } from "next/cache";
import { MonogramImage, pngResponse, renderPng } from "@/components/seo/og-image";
import { getSiteSettings } from "@/server/data/articles";

// GET /icon – the app icon: the site's initial on the accent colour (favicon.ico beside it is the
// same drawing, for clients that ask for /favicon.ico without reading the page).
export const size = { width: 192, height: 192 };
export const contentType = "image/png";

async function icon(): Promise<Uint8Array> {
  "use cache";
  cacheLife("days");
  const settings = await getSiteSettings();
  return renderPng(<MonogramImage siteName={settings.siteName} size={size.width} />, size);
}

export default async function Icon() {
  return pngResponse(await icon());
}
