import path from "node:path";
import type { NextConfig } from "next";
import { distDirName } from "./scripts/runtime/dist-dir.mjs";

const nextConfig: NextConfig = {
  cacheComponents: true,
  // `.next`, or the tests' own build directory (scripts/runtime/dist-dir.mjs).
  distDir: distDirName(),
  // Off: with it, every page rendered per request (search, the dashboard) renders a second time
  // to embed a "runtime prefetch" copy of itself in its HTML (the search page: 49 of its 123 KB,
  // both renders on the server). Reader links do not prefetch; staff links get the legacy one.
  partialPrefetching: false,
  poweredByHeader: false,
  // app/global-not-found.tsx answers URLs no route matches, instead of a root not-found.tsx that
  // every page would carry in its payload.
  // In CI (.ci/run sets CI), the one build of the run: no cache is kept for a next build (writing
  // it took 13-20 s), and types are not checked again (`npm run typecheck` ran first; the build's
  // own check took 46 s). Elsewhere both stay on: the launcher rebuilds after every change.
  experimental: { globalNotFound: true, turbopackFileSystemCacheForBuild: !process.env.CI },
  typescript: { ignoreBuildErrors: Boolean(process.env.CI) },
  // Instances built separately must agree on the build ID (the client's chunks and the server's
  // manifests): BUILD_ID, e.g. the commit, names the build; unset, Next.js makes one up.
  generateBuildId: async () => process.env.BUILD_ID || null,
  // 'use cache' entries and tag expiries, shared between instances through Redis when REDIS_URL
  // is set (several instances: npm run cluster); Next.js's in-memory behaviour otherwise.
  cacheHandlers: { default: path.join(import.meta.dirname, "scripts/runtime/cache-handler.mjs") },
  // Pages (ISR): Next.js's own file-system cache, which keeps no render that began before a
  // change to what it shows (a background render straddling a publication).
  cacheHandler: path.join(import.meta.dirname, "scripts/runtime/page-entry-cache.mjs"),
  // Prisma's generated client and the pg driver run on the server only, unbundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "sharp", "redis"],
  // "/x/page/1" is not one of our URLs: the first page of a listing has no page suffix.
  async redirects() {
    return [
      { source: "/tag/:slug/page/1", destination: "/tag/:slug", permanent: true },
      { source: "/author/:slug/page/1", destination: "/author/:slug", permanent: true },
      { source: "/:section/page/1", destination: "/:section", permanent: true },
    ];
  },
  images: {
    formats: ["image/avif", "image/webp"],
    localPatterns: [{ pathname: "/media/**" }],
    // Few widths on purpose: every width is a srcset entry, repeated in the HTML and the RSC
    // payload of every teaser (11 widths made a third of the front page's bytes).
    deviceSizes: [640, 828, 1200, 1600],
    imageSizes: [320, 480],
    minimumCacheTTL: 31_536_000,
  },
};

export default nextConfig;
