import "server-only";
import { prisma } from "@/server/db";
import { publicArticleWhere } from "@/server/data/visibility";
import { notFound } from "@/server/services/errors";
import type { Actor } from "@/server/services/permissions";

/**
 * Tag and author reads of the API. The public sees a tag or an author only once a public article
 * carries it, as the site does (their pages are 404 until then, and the sitemaps leave them out):
 * a tag made for an embargoed story ("Minister resigns") or a byline on a draft is news itself.
 * Staff see every tag (they tag drafts).
 */

const tagFields = { id: true, slug: true, name: true, description: true } as const;
const onPublicArticle = () => ({ some: { article: publicArticleWhere() } });

export async function listTags(actor: Actor | null) {
  return prisma.tag.findMany({ where: actor ? {} : { articles: onPublicArticle() }, orderBy: { name: "asc" }, select: tagFields });
}

export async function readTag(actor: Actor | null, id: string) {
  const tag = await prisma.tag.findFirst({ where: actor ? { id } : { id, articles: onPublicArticle() }, select: tagFields });
  if (!tag) throw notFound("The tag");
  return tag;
}

/** Staff who are on the byline of a public article: their public profile fields. */
export async function listAuthors() {
  return prisma.user.findMany({ where: { disabled: false, authorships: onPublicArticle() }, orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, bio: true, image: true } });
}

/** One author's public profile and how many public articles they have. */
export async function readAuthor(slug: string) {
  const author = await prisma.user.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, bio: true, image: true, disabled: true, _count: { select: { authorships: { where: { article: publicArticleWhere() } } } } },
  });
  if (!author || author.disabled || author._count.authorships === 0) throw notFound("The author");
  const { disabled: _disabled, _count, ...profile } = author;
  return { ...profile, articleCount: _count.authorships };
}
