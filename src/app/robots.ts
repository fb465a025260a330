// GET /robots.txt – crawl everything public; staff pages, the API and search results are not for crawlers
import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { absoluteUrl, routes } from "@/lib/routes";
import { getSiteSettings } from "@/server/data/articles";

export default async function robots(): Promise<MetadataRoute.Robots> {
  // At request time (from the cached settings), not frozen at build: the sitemap URLs must name
  // the site URL the sitemaps themselves use, even when the build ran against another database.
  await connection();
  const { siteUrl } = await getSiteSettings();
  return {
    // Exact paths ($) and their sub-paths, so that a section such as /search-and-rescue stays crawlable.
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/dashboard$", "/dashboard/", "/api/", "/search$", "/search?", "/signin$", "/signin?", "/preview/", "/invite/"],
    },
    sitemap: [absoluteUrl(siteUrl, routes.sitemapIndex()), absoluteUrl(siteUrl, routes.sitemapNews())],
  };
}
