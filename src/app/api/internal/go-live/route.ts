// POST /api/internal/go-live – this instance's server (scripts/runtime/server.mjs) asks every few
// seconds for scheduled articles whose time has come to be published. Anyone else gets a 404.
import { env } from "@/lib/env";
import { prisma } from "@/server/db";
import { isInternalToken } from "@/server/invalidation-bus";
import { releaseDueArticles } from "@/server/services/scheduler";

export async function POST(request: Request) {
  if (!isInternalToken(request.headers.get("x-internal-token"), env().AUTH_SECRET)) {
    return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
  }
  const released = await releaseDueArticles(prisma);
  return Response.json({ released: released.map((a) => a.slug) }, { headers: { "Cache-Control": "no-store" } });
}
