// POST /api/v1/views – count one page view of an article (sent by the article page's beacon)
import { z } from "zod";
import { errorResponse, readJson } from "@/server/api/handler";
import { clientIp } from "@/server/client-ip";
import { recordView } from "@/server/services/view-counter";

const viewSchema = z.object({ id: z.string().regex(/^[a-z0-9]{10,40}$/, "Give the article's id.") });

/**
 * Not an apiRoute: no one is signed in for a view, and a staff reader's cookie must not cost a
 * session lookup on every article read. Bad input answers as every route does (readJson: 400 for
 * a body that is not JSON, 422 per field).
 */
export async function POST(request: Request) {
  try {
    // sendBeacon sends a string as text/plain (a JSON type would make it a CORS "preflighted" request).
    const { id } = await readJson(request, viewSchema, { types: ["application/json", "text/plain"] });
    // 204 whether or not it counted (once per reader and article per half hour): nothing to learn.
    recordView(id, clientIp(request.headers));
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
