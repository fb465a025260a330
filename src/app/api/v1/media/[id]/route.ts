// PATCH /api/v1/media/:id – alt text, caption, credit
import { z } from "zod";
import { apiRoute, readJson } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";
import { editMedia } from "@/server/services/media-library";

const mediaPatchSchema = z.object({ alt: z.string().optional(), caption: z.string().optional(), credit: z.string().optional() }).strict();

export const PATCH = apiRoute<{ id: string }>("staff-write", async ({ request, params, actor }) =>
  apiJson(await editMedia(prisma, actor!, params.id, await readJson(request, mediaPatchSchema))),
);
