// GET /api/v1/users – staff accounts with role, status and article count (editors and admins)
import { apiRoute } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";
import { listStaff } from "@/server/services/users";

export const GET = apiRoute("staff-read", async ({ actor }) => apiJson(await listStaff(prisma, actor!)));
