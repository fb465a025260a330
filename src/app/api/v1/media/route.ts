// GET /api/v1/media?q=&page= – the media library (staff)
// POST /api/v1/media – upload an image (multipart: file, alt, caption, credit)
import { z } from "zod";
import { apiRoute, readQuery } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { prisma } from "@/server/db";
import { ServiceError } from "@/server/services/errors";
import { mediaLimits } from "@/server/services/media";
import { listMedia, uploadMedia } from "@/server/services/media-library";

const listQuery = z.object({ q: z.string().max(200).optional(), page: z.coerce.number().int().min(1).optional(), perPage: z.coerce.number().int().min(1).max(100).optional() });

export const GET = apiRoute("staff-read", async ({ request, actor }) => {
  const { rows, ...meta } = await listMedia(prisma, actor!, readQuery(request, listQuery));
  return apiJson(rows, { meta });
});

export const POST = apiRoute("staff-write", async ({ request, actor }) => {
  if (Number(request.headers.get("content-length") ?? 0) > mediaLimits.maxBytes + 64_000) {
    throw new ServiceError("too_large", `Images are limited to ${mediaLimits.maxBytes / 1024 / 1024} MB.`);
  }
  const form = await request.formData().catch(() => null);
  if (!form) throw new ServiceError("bad_request", "Send the image as multipart/form-data with a file field.");
  const text = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
  const file = form.get("file");
  const item = await uploadMedia(prisma, actor!, { file: file instanceof File ? file : null, alt: text("alt"), caption: text("caption"), credit: text("credit") });
  return apiJson(item, { status: 201 });
});
