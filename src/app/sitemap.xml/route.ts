// GET /sitemap.xml – sitemap index: one sitemap per article month, plus sections, tags, authors and news
import { connection } from "next/server";
import { getSitemapIndex } from "@/server/data/sitemaps";
import { cachedResponse } from "@/server/http-cache";

export async function GET(request: Request) {
  // Conditional GET reads the request's headers: answer at request time, never from a build-time copy.
  await connection();
  const index = await getSitemapIndex();
  return cachedResponse(request, index.body, {
    contentType: "application/xml; charset=utf-8",
    lastModified: index.lastModified ? new Date(index.lastModified) : null,
  });
}
