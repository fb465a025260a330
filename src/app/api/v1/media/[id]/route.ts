// GET /api/v1/media/:id – one image (staff)
// PATCH /api/v1/media/:id – alt text, caption, credit
// DELETE /api/v1/media/:id – delete an unused image (editors)
import { z } from "zod";
import { apiRoute, readJson } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";
import { deleteMediaItem, editMedia, getMediaItem } from "@/server/services/media-library";

type Params = { id: string };
const mediaPatchSchema = z.object({ alt: z.string().optional(), caption: z.string().optional(), credit: z.string().optional() }).strict();

export const GET = apiRoute<Params>("staff-read", async ({ params, actor }) => apiJson(await getMediaItem(prisma, actor!, params.id)));

export const PATCH = apiRoute<Params>("staff-write", async ({ request, params, actor }) =>
  apiJson(await editMedia(prisma, actor!, params.id, await readJson(request, mediaPatchSchema))),
);

export const DELETE = apiRoute<Params>("staff-write", async ({ params, actor }) => {
  await deleteMediaItem(prisma, actor!, params.id);
  return new Response(null, { status: 204 });
});
