// GET /api/v1/tokens – API tokens (admins; prefixes only, never the tokens)
// POST /api/v1/tokens – create one; the answer is the only time the token is shown
// Both with an admin's session only, never with a token (handler.ts).
import { apiTokenCreateSchema } from "@/lib/schemas/api-token";
import { apiRoute, readJson } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";
import { createApiToken, listApiTokens } from "@/server/services/api-tokens";

export const GET = apiRoute("staff-read", async ({ actor }) => apiJson(await listApiTokens(prisma, actor!)), { tokens: false });

export const POST = apiRoute(
  "staff-write",
  async ({ request, actor }) => apiJson(await createApiToken(prisma, actor!, await readJson(request, apiTokenCreateSchema)), { status: 201 }),
  { tokens: false },
);
