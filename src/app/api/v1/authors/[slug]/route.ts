// GET /api/v1/authors/:slug – an author's public profile and how many public articles they have
import { apiRoute } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { readAuthor } from "@/server/api/tags-and-authors";

export const GET = apiRoute<{ slug: string }>("public", async ({ params }) => apiJson(await readAuthor(params.slug)));
