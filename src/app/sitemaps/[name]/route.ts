// GET /sitemaps/[name] – one sitemap: articles-YYYY-MM.xml (and -N parts), sections, tags, authors, news
import { connection } from "next/server";
import { parseSitemapName } from "@/lib/sitemap-xml";
import { getSitemapFile } from "@/server/data/sitemaps";
import { cachedResponse } from "@/server/http-cache";

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  // Conditional GET reads the request's headers: answer at request time, never from a build-time copy.
  await connection();
  const file = parseSitemapName((await params).name);
  const sitemap = file ? await getSitemapFile(file) : null;
  if (!sitemap) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return cachedResponse(request, sitemap.body, {
    contentType: "application/xml; charset=utf-8",
    lastModified: sitemap.lastModified ? new Date(sitemap.lastModified) : null,
  });
}
