import { NextResponse, type NextRequest } from "next/server";
import { staffMayOpen } from "@/server/data/dashboard";
import { searchPageExists } from "@/server/data/search-queries";
import { prisma } from "@/server/db";
import { findPreviewLink } from "@/server/services/preview-links";
import { logEvent } from "@/server/log";
import { pathStatus } from "@/server/path-status";
import { requestMember } from "@/server/services/session";

/**
 * Before any page renders (so that the status is right on the very first request): canonical
 * lower-case paths, 301s from old article paths, 410 for articles that are gone, 404 for staff
 * and preview addresses that open nothing. The proxy never grants access: every page, action and
 * API route checks it; a 404 here only gives the status a streamed page could not.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;

  // Signed out at a dashboard address (a link to a draft passed round the newsroom, a bookmark):
  // straight to sign-in, which brings them back here. Left to the pages, the dashboard's frame
  // sent them to sign-in for the dashboard's front page, and where they were going was lost.
  if (DASHBOARD.test(pathname) && !hasSession(request) && (request.method === "GET" || request.method === "HEAD")) {
    return signInFirst(request);
  }

  // An article's editor or preview: its id may hold capitals, and the page streams in after its
  // status (the dashboard's loading state), so an id that opens nothing for this member (no such
  // article, or another writer's draft) is answered 404 here; the page checks again, as every
  // page does. Signed-in staff only: anyone else goes on to the sign-in page and learns nothing
  // about ids, and a member who must set up two-step sign-in goes on to be sent to do that.
  const staffArticle = STAFF_ARTICLE.exec(pathname);
  if (staffArticle) {
    const member = hasSession(request) ? await requestMember(request).catch((error: unknown) => (lookupFailed(error), null)) : null;
    if (member && !member.twoStepMissing && !(await staffMayOpen(prisma, member.actor, staffArticle[1]!).catch(lookupFailed))) {
      return errorPage(request, 404, "no-store", staffNonce(request));
    }
    return NextResponse.next();
  }

  // A preview link: the page streams in after its status, so a link that opens nothing (forged,
  // expired or stopped) is answered 404 here.
  const previewLink = PREVIEW_LINK.exec(pathname);
  if (previewLink) {
    const opens = await findPreviewLink(prisma, decodeURIComponent(previewLink[1]!)).catch(lookupFailed);
    return opens ? NextResponse.next() : errorPage(request, 404, "no-store");
  }

  // Our URLs are lower case: "/Politics/Some-Story" → "/politics/some-story". Percent-escapes stay
  // as they are: "%C3%A9" is "é" as browsers send it, and lowering it was a pointless redirect.
  const lowerCase = pathname.replace(/%[0-9a-f]{2}|[^%]+/gi, (part) => (part[0] === "%" ? part : part.toLowerCase()));
  if (pathname !== lowerCase) {
    const url = request.nextUrl.clone();
    url.pathname = lowerCase;
    return NextResponse.redirect(url, 301);
  }

  // Search pages are numbered from 1; anything else, or a page past the last, is not a page of
  // ours (the results stream in after the status, so the page itself cannot say 404).
  if (pathname === "/search") {
    const params = request.nextUrl.searchParams;
    const page = params.get("page");
    if (page !== null && !/^[1-9][0-9]{0,5}$/.test(page)) return errorPage(request, 404);
    if (page !== null && page !== "1") {
      const exists = await searchPageExists({ q: params.get("q") ?? "", section: params.get("section"), page: Number(page) });
      if (!exists) return errorPage(request, 404);
    }
    return NextResponse.next();
  }

  const status = await pathStatus(pathname);
  if (status?.status === 301) return NextResponse.redirect(new URL(status.location, request.url), 301);
  if (status?.status === 410) return errorPage(request, 410);
  return NextResponse.next();
}

const DASHBOARD = /^\/dashboard(?:\/|$)/;
const STAFF_ARTICLE = /^\/dashboard\/articles\/([^/]+)(?:\/preview)?$/;
const PREVIEW_LINK = /^\/preview\/share\/([^/]+)$/;

/** Whether the request carries an Auth.js session cookie (checked by the page, not here). */
const hasSession = (request: NextRequest) => request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");

/** To the sign-in page, which sends the member on to this address (its query kept, the router's own left out). */
function signInFirst(request: NextRequest): Response {
  const destination = new URLSearchParams(request.nextUrl.search);
  destination.delete("_rsc");
  const query = destination.toString();
  const url = new URL("/signin", request.url);
  url.searchParams.set("next", `${request.nextUrl.pathname}${query ? `?${query}` : ""}`);
  // Staff addresses are never kept by a cache, their redirects included.
  return NextResponse.redirect(url, { status: 307, headers: { "Cache-Control": "private, no-store" } });
}

/**
 * A staff page's script nonce, which the server put in the request's policy header for Next.js
 * (scripts/runtime/server.mjs): the reader's error page sent at a staff address runs under it.
 */
const staffNonce = (request: NextRequest) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(request.headers.get("content-security-policy") ?? "")?.[1];

/** The database is unreachable: let the page answer (it reports the error itself). */
function lookupFailed(error: unknown): true {
  logEvent("error", "proxy: lookup failed", { error: (error as Error).message });
  return true;
}

/**
 * A rewrite keeps the status of the page it rewrites to (200 for a prerendered page), so the
 * error page's HTML is fetched from this server once a minute and sent with the right status.
 */
const errorPages = new Map<number, { html: string; expires: number }>();
async function errorPage(request: NextRequest, status: 404 | 410, cacheControl = "public, max-age=60", nonce?: string): Promise<Response> {
  let page = errorPages.get(status);
  if (!page || page.expires < Date.now()) {
    // From this very server (not the public host, which may sit behind a load balancer).
    const origin = `http://127.0.0.1:${process.env.PORT ?? request.nextUrl.port ?? "3000"}`;
    const source = await fetch(`${origin}${status === 410 ? "/410" : "/404"}`, { cache: "no-store" });
    page = { html: await source.text(), expires: Date.now() + 60_000 };
    errorPages.set(status, page);
  }
  // At a staff address the policy allows scripts by nonce (not the reader page's hashes): without
  // it, every script of the page was refused, and its theme button did nothing.
  const html = nonce ? page.html.replace(/<script\b/g, `<script nonce="${nonce}"`) : page.html;
  return new NextResponse(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": cacheControl },
  });
}

export const config = {
  // Reader paths only: not the front page (".+"), assets, media, images, API routes, feeds,
  // sitemaps or metadata files…
  matcher: [
    "/((?!_next/|api/|media/|dashboard|signin|invite/|preview/|sitemaps/|favicon|icon|apple-icon|robots.txt|sitemap.xml|(?:.*/)?opengraph-image|.*\\.(?:xml|atom|json|png|jpg|jpeg|webp|avif|svg|ico|txt)$).+)",
    // …and any other path with a capital letter (feeds, sitemaps, robots.txt), to lower case.
    // Not staff paths or tokens, whose ids may hold capitals.
    "/((?!_next/|api/|media/|dashboard|signin|invite/|preview/)(?=.*[A-Z]).+)",
    // The dashboard: signed out, to sign-in first; an article's editor and preview (unknown ids: 404).
    "/dashboard/:path*",
    // Preview links (links that open nothing: 404).
    "/preview/share/:token",
  ],
};
