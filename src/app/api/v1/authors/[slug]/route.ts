// GET /api/v1/authors/:slug – an author's public profile and how many public articles they have
import { apiRoute } from "@/server/api/handler";
import { apiJson } from "@/server/api/respond";
import { publicArticleWhere } from "@/server/data/visibility";
import { prisma } from "@/server/db";
import { notFound } from "@/server/services/errors";

export const GET = apiRoute<{ slug: string }>("public", async ({ params }) => {
  const author = await prisma.user.findUnique({
    where: { slug: params.slug },
    select: { id: true, slug: true, name: true, bio: true, image: true, disabled: true, _count: { select: { authorships: { where: { article: publicArticleWhere() } } } } },
  });
  if (!author || author.disabled || author._count.authorships === 0) throw notFound("The author");
  const { disabled: _disabled, _count, ...profile } = author;
  return apiJson({ ...profile, articleCount: _count.authorships });
});
