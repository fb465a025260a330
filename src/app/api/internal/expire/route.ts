// POST /api/internal/expire – this instance's expiry relay (scripts/runtime/expiry-relay.mjs)
// hands over a change another instance broadcast. Anyone else gets a 404.
import { z } from "zod";
import { refuseUnlessInternal } from "@/server/invalidation-bus";
import { applyExpiryWithFiles } from "@/server/services/publishing";

const expirySchema = z.object({
  tags: z.array(z.string().min(1).max(300)).max(10_000),
  paths: z.union([z.literal("all"), z.null(), z.array(z.string().startsWith("/").max(2_000)).max(10_000)]),
  everything: z.boolean().optional(),
  images: z.array(z.string().startsWith("/media/").max(2_000)).max(10_000).optional(),
});

export async function POST(request: Request) {
  const refused = refuseUnlessInternal(request);
  if (refused) return refused;
  const parsed = expirySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: { code: "invalid", message: "Not an expiry." } }, { status: 400 });
  await applyExpiryWithFiles(parsed.data);
  return new Response(null, { status: 204 });
}
