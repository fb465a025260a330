import { NextResponse, type NextRequest } from "next/server";
import { pathStatus } from "@/server/path-status";

/**
 * Before any page renders (so that the status is right on the very first request): canonical
 * lower-case paths, 301s from old article paths, 410 for articles that are gone. The proxy only
 * redirects and rewrites; it never authorizes (every page, action and API route checks access).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;

  // Our URLs are lower case: "/Politics/Some-Story" → "/politics/some-story".
  if (pathname !== pathname.toLowerCase()) {
    const url = request.nextUrl.clone();
    url.pathname = pathname.toLowerCase();
    return NextResponse.redirect(url, 301);
  }

  // Search pages are numbered from 1; anything else is not a page of ours.
  if (pathname === "/search") {
    const page = request.nextUrl.searchParams.get("page");
    if (page !== null && !/^[1-9][0-9]{0,5}$/.test(page)) {
      return NextResponse.rewrite(new URL("/404", request.url), { status: 404 });
    }
    return NextResponse.next();
  }

  const status = await pathStatus(pathname);
  if (status?.status === 301) return NextResponse.redirect(new URL(status.location, request.url), 301);
  if (status?.status === 410) return NextResponse.rewrite(new URL("/410", request.url), { status: 410 });
  return NextResponse.next();
}

export const config = {
  // Reader paths only: not assets, media, images, API routes, feeds, sitemaps or metadata files.
  matcher: ["/((?!_next/|api/|media/|sitemaps/|favicon|icon|apple-icon|opengraph-image|robots.txt|sitemap.xml|theme-init.js|.*\\.(?:xml|atom|json|png|jpg|jpeg|webp|avif|svg|ico|txt)$).*)"],
};
