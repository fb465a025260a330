// POST /api/v1/views – count one page view of an article (sent by the article page's beacon)
import { z } from "zod";
import { clientIp } from "@/server/client-ip";
import { recordView } from "@/server/services/view-counter";

const viewSchema = z.object({ id: z.string().regex(/^[a-z0-9]{10,40}$/, "id must be an article id") });

export async function POST(request: Request) {
  // sendBeacon posts text/plain, so parse the body ourselves.
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return Response.json({ error: { code: "invalid_json", message: "The body must be JSON: {\"id\": \"…\"}" } }, { status: 400 });
  }
  const parsed = viewSchema.safeParse(body);
  if (!parsed.success) {
    return Response.json(
      { error: { code: "invalid_input", message: "Invalid view", fields: z.flattenError(parsed.error).fieldErrors } },
      { status: 400 },
    );
  }
  // 204 whether or not it counted (once per reader and article per half hour): nothing to learn.
  recordView(parsed.data.id, clientIp(request.headers));
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
