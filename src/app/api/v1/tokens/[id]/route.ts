// DELETE /api/v1/tokens/:id – revoke (the row stays, for the list and the audit log); with an admin's session only
import { apiRoute } from "@/server/api/handler";
import { prisma } from "@/server/db";
import { revokeApiToken } from "@/server/services/api-tokens";

export const DELETE = apiRoute<{ id: string }>(
  "staff-write",
  async ({ params, actor }) => {
    await revokeApiToken(prisma, actor!, params.id);
    return new Response(null, { status: 204 });
  },
  { tokens: false },
);
