// POST /api/internal/catch-up – this instance's expiry relay (scripts/runtime/expiry-relay.mjs),
// while its Redis connection is down: applies the changes logged after { after } and answers
// { last }, the id to pass next time. Anyone else gets a 404.
import { z } from "zod";
import { loggedExpiriesAfter, refuseUnlessInternal } from "@/server/invalidation-bus";
import { applyExpiryWithFiles } from "@/server/services/publishing";

const bodySchema = z.object({ after: z.number().int().nonnegative().nullable() });

export async function POST(request: Request) {
  const refused = refuseUnlessInternal(request);
  if (refused) return refused;
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: { code: "invalid", message: "Expected { after: a log id or null }." } }, { status: 400 });
  const { last, expiry } = await loggedExpiriesAfter(parsed.data.after);
  if (expiry) await applyExpiryWithFiles(expiry);
  return Response.json({ last, applied: expiry !== null });
}
