import { bodyToPlainText } from "../../src/lib/article-body.ts";
import { defaultSiteUrl, env } from "../../src/lib/env.ts";
import { mediaUrl } from "../../src/lib/media.ts";
import { createPrismaClient } from "../../src/server/prisma-client.ts";
import { getMedia, putMedia } from "../../src/server/media-store.ts";
import { hashPassword } from "../../src/server/services/passwords.ts";
import { recordPathChange } from "../../src/server/services/publishing.ts";
import type { Prisma, PrismaClient } from "../../src/generated/prisma/client.ts";
import {
  demoArticles,
  demoAuthors,
  demoSections,
  demoTags,
  editorsPicks,
  frontPage,
  type DemoArticle,
} from "../seed/content.ts";
import { demoImage } from "../seed/images.ts";
import { markupToBody } from "../seed/markup.ts";

/**
 * Demo content of The Dell Boys. Idempotent: every record is created only when missing (by its
 * natural key), so running it again changes nothing, and nothing staff changed is overwritten.
 */

export interface SeedOptions {
  log?: (line: string) => void;
  /** Base for scheduled articles' go-live times. */
  now?: Date;
}

interface StoredImage {
  id: string;
  src: string;
  width: number;
  height: number;
}

async function ensureImage(
  prisma: PrismaClient,
  key: string,
  seedText: string,
  meta: { alt: string; caption?: string; credit?: string },
  size: { width: number; height: number },
): Promise<StoredImage> {
  const existing = await prisma.media.findUnique({ where: { storageKey: key } });
  // The row may outlive the file (a real PostgreSQL with a fresh DATA_DIR): redraw it then.
  if (existing && (await getMedia(key))) {
    return { id: existing.id, src: mediaUrl(key), width: existing.width, height: existing.height };
  }
  const image = await demoImage(seedText, size);
  await putMedia(key, image.data);
  const media =
    existing ??
    (await prisma.media.create({
      data: {
        storageKey: key,
        originalName: key.split("/").pop() ?? key,
        mimeType: image.mimeType,
        width: image.width,
        height: image.height,
        bytes: image.data.length,
        alt: meta.alt,
        caption: meta.caption ?? "",
        credit: meta.credit ?? "",
      },
    }));
  return { id: media.id, src: mediaUrl(key), width: media.width, height: media.height };
}

function publishTimes(article: DemoArticle, now: Date) {
  if (article.status === "SCHEDULED") {
    const at = new Date(now.getTime() + (article.scheduledInHours ?? 24) * 3_600_000);
    return { publishedAt: at, firstPublishedAt: null, contentUpdatedAt: null };
  }
  if (!article.publishedAt) return { publishedAt: null, firstPublishedAt: null, contentUpdatedAt: null };
  const publishedAt = new Date(article.publishedAt);
  return {
    publishedAt,
    firstPublishedAt: publishedAt,
    contentUpdatedAt: article.updatedAt ? new Date(article.updatedAt) : null,
  };
}

async function seedArticle(
  prisma: PrismaClient,
  article: DemoArticle,
  ids: { sections: Map<string, string>; tags: Map<string, string>; users: Map<string, string> },
  now: Date,
): Promise<void> {
  if (await prisma.article.findUnique({ where: { slug: article.slug }, select: { id: true } })) return;

  const images = new Map<string, StoredImage>();
  const keys = [...article.body.matchAll(/!\[([^\]]*)\]\(img:([A-Za-z0-9_-]+)/g)];
  for (const [, alt, key] of keys) {
    images.set(
      key!,
      await ensureImage(prisma, `demo/${article.slug}-${key}.jpg`, `${article.slug}/${key}`, { alt: alt || article.headline }, { width: 1200, height: 800 }),
    );
  }
  const body = markupToBody(article.body, (key) => {
    const image = images.get(key);
    if (!image) throw new Error(`${article.slug}: unknown image ${key}`);
    return { src: image.src, width: image.width, height: image.height, mediaId: image.id };
  });
  const hero = article.hero
    ? await ensureImage(prisma, `demo/${article.slug}.jpg`, article.slug, article.hero, { width: 1600, height: 900 })
    : null;

  const sectionId = ids.sections.get(article.section);
  if (!sectionId) throw new Error(`${article.slug}: unknown section ${article.section}`);
  const authorIds = article.authors.map((slug) => {
    const id = ids.users.get(slug);
    if (!id) throw new Error(`${article.slug}: unknown author ${slug}`);
    return id;
  });
  const times = publishTimes(article, now);
  const createdAt = times.firstPublishedAt ?? now;
  // Prisma's JSON input type has an index signature that zod's inferred types lack.
  const bodyJson = body as unknown as Prisma.InputJsonObject;
  const snapshot = { headline: article.headline, standfirst: article.standfirst, body: bodyJson };

  await prisma.article.create({
    data: {
      slug: article.slug,
      headline: article.headline,
      standfirst: article.standfirst,
      body: bodyJson,
      bodyText: bodyToPlainText(body),
      status: article.status,
      ...times,
      sectionId,
      heroImageId: hero?.id ?? null,
      heroCaption: article.hero?.caption ?? "",
      heroCredit: article.hero?.credit ?? "",
      seoTitle: article.seoTitle ?? "",
      seoDescription: article.seoDescription ?? "",
      createdById: authorIds[0] ?? null,
      lastEditedById: authorIds[0] ?? null,
      createdAt,
      authors: { create: authorIds.map((userId, position) => ({ userId, position })) },
      tags: {
        create: article.tags.map((slug, position) => {
          const tagId = ids.tags.get(slug);
          if (!tagId) throw new Error(`${article.slug}: unknown tag ${slug}`);
          return { tagId, position };
        }),
      },
      corrections: {
        create: (article.corrections ?? []).map((c) => ({
          text: c.text,
          createdAt: new Date(c.at),
          authorId: authorIds[0] ?? null,
        })),
      },
      revisions: { create: { version: 1, snapshot, authorId: authorIds[0] ?? null, createdAt } },
    },
  });
}

async function seedCuration(prisma: PrismaClient, list: "FRONT_PAGE" | "EDITORS_PICKS", slugs: string[]) {
  if ((await prisma.curatedSlot.count({ where: { list } })) > 0) return;
  const articles = await prisma.article.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const bySlug = new Map(articles.map((a) => [a.slug, a.id]));
  await prisma.curatedSlot.createMany({
    data: slugs.map((slug, position) => {
      const articleId = bySlug.get(slug);
      if (!articleId) throw new Error(`curation ${list}: unknown article ${slug}`);
      return { list, position, articleId };
    }),
    skipDuplicates: true,
  });
}

/**
 * A day of demo page views, so that the most-read list has something to show on a new site; real
 * counts come from readers through the view counter.
 */
async function seedViews(prisma: PrismaClient, now: Date) {
  if ((await prisma.articleViewDaily.count()) > 0) return;
  const recent = await prisma.article.findMany({
    where: { status: "PUBLISHED", publishedAt: { lte: now, gte: new Date(now.getTime() - 21 * 86_400_000) } },
    select: { id: true, slug: true },
  });
  const day = new Date(now.toISOString().slice(0, 10));
  await prisma.articleViewDaily.createMany({
    data: recent.map((a) => ({
      articleId: a.id,
      day,
      // Deterministic per slug, so every seeded site ranks the same way.
      views: 50 + ([...a.slug].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 950),
    })),
  });
}

export async function seedWith(prisma: PrismaClient, options: SeedOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const config = env();

  await prisma.settings.upsert({
    where: { id: 1 },
    create: {
      id: 1,
      siteName: "The Dell Boys",
      tagline: "Independent news from Dellbridge and the world",
      siteUrl: defaultSiteUrl(config),
      language: "en",
    },
    update: {},
  });

  for (const [position, section] of demoSections.entries()) {
    await prisma.section.upsert({
      where: { slug: section.slug },
      create: { ...section, position },
      update: {},
    });
  }
  for (const tag of demoTags) {
    await prisma.tag.upsert({ where: { slug: tag.slug }, create: tag, update: {} });
  }

  // Every demo account signs in with ADMIN_PASSWORD (see README). Hash once, only if needed.
  let passwordHash: string | undefined;
  const hash = async () => (passwordHash ??= await hashPassword(config.ADMIN_PASSWORD));
  const adminEmail = config.ADMIN_EMAIL.toLowerCase();
  if (!(await prisma.user.findUnique({ where: { email: adminEmail } }))) {
    await prisma.user.create({
      data: {
        email: adminEmail,
        name: "Site Administrator",
        slug: "admin",
        role: "ADMIN",
        bio: "Runs The Dell Boys' publishing system.",
        passwordHash: await hash(),
      },
    });
  }
  for (const author of demoAuthors) {
    if (await prisma.user.findUnique({ where: { slug: author.slug } })) continue;
    await prisma.user.create({
      data: { ...author, email: author.email.toLowerCase(), passwordHash: await hash() },
    });
  }

  const [sections, tags, users] = await Promise.all([
    prisma.section.findMany({ select: { id: true, slug: true } }),
    prisma.tag.findMany({ select: { id: true, slug: true } }),
    prisma.user.findMany({ select: { id: true, slug: true } }),
  ]);
  const ids = {
    sections: new Map(sections.map((s) => [s.slug, s.id])),
    tags: new Map(tags.map((t) => [t.slug, t.id])),
    users: new Map(users.map((u) => [u.slug, u.id])),
  };

  for (const article of demoArticles) await seedArticle(prisma, article, ids, now);
  await seedViews(prisma, now);
  // The seed article was first published under a shorter slug: its old URL redirects.
  if ((await prisma.redirect.count()) === 0) {
    await recordPathChange(prisma, "/politics/sessions-offered-to-quit", "/politics/sessions-offered-to-quit-amid-rift-with-trump");
  }
  await seedCuration(prisma, "FRONT_PAGE", frontPage);
  await seedCuration(prisma, "EDITORS_PICKS", editorsPicks);
  log(`demo content ready: ${demoArticles.length} articles, ${demoSections.length} sections`);
}

export async function seedDatabase(databaseUrl: string, options: SeedOptions = {}): Promise<void> {
  const prisma = createPrismaClient(databaseUrl, 2);
  try {
    await seedWith(prisma, options);
  } finally {
    await prisma.$disconnect();
  }
}
