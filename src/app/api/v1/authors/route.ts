// GET /api/v1/authors – staff on the byline of a public article (public profile fields only)
import { apiRoute } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { listAuthors } from "@/server/api/tags-and-authors";

export const GET = apiRoute("public", async () => apiJson(await listAuthors()));
