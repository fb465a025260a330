// POST /api/internal/go-live – this instance's server (scripts/runtime/server.mjs) asks every few
// seconds for scheduled articles whose time has come to be published. Anyone else gets a 404.
import { prisma } from "@/server/db";
import { refuseUnlessInternal } from "@/server/invalidation-bus";
import { releaseDueArticles } from "@/server/services/scheduler";

export async function POST(request: Request) {
  const refused = refuseUnlessInternal(request);
  if (refused) return refused;
  const released = await releaseDueArticles(prisma);
  return Response.json({ released: released.map((a) => a.slug) }, { headers: { "Cache-Control": "no-store" } });
}
