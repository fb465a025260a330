// GET /api/health – the process is up (liveness). GET /api/health?ready – and the database answers
// (readiness: 503 when it does not, so a load balancer sends readers elsewhere).
import { prisma } from "@/server/db";
import { checkDatabase } from "@/server/health";

const headers = { "Cache-Control": "no-store" };

export async function GET(request: Request) {
  const uptimeSeconds = Math.round(process.uptime());
  if (!new URL(request.url).searchParams.has("ready")) return Response.json({ status: "ok", uptimeSeconds }, { headers });
  const database = await checkDatabase(prisma);
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", uptimeSeconds, database: database.ok ? { status: "up", ms: database.ms } : { status: "down", error: database.error } },
    { status: database.ok ? 200 : 503, headers },
  );
}
