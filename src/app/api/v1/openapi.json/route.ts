// GET /api/v1/openapi.json – the API described (OpenAPI 3.1), generated from the handlers' schemas
import { openApiDocument } from "@/server/api/openapi";
import { getSiteSettings } from "@/server/data/articles";

export async function GET() {
  const settings = await getSiteSettings();
  return Response.json(openApiDocument(settings.siteUrl.replace(/\/+$/, "")), { headers: { "Cache-Control": "public, max-age=300" } });
}
