import { afterAll, describe, expect, it } from "vitest";
import { articleBodySchema } from "../src/lib/article-body.ts";
import { createPrismaClient } from "../src/server/prisma-client.ts";
import { getMedia } from "../src/server/media-store.ts";
import { verifyPassword } from "../src/server/services/passwords.ts";
import { publicArticleWhere } from "../src/server/data/visibility.ts";
import { demoArticles, demoAuthors, demoSections, editorsPicks, frontPage } from "../scripts/seed/content.ts";
import { seedWith } from "../scripts/lib/seed.ts";
import { prepareDatabase } from "../scripts/lib/prepare.ts";
import type { PrismaClient } from "../src/generated/prisma/client.ts";
import { createTestDatabase } from "./test-database.ts";

// Runs on the database the global setup migrated and seeded (PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set).
const prisma = createPrismaClient(process.env.DATABASE_URL!, 3);
afterAll(() => prisma.$disconnect());

const SEED_SLUG = "sessions-offered-to-quit-amid-rift-with-trump";
const SEED_HEADLINE = "Sessions Offered to Quit Amid Rift With Trump on Russian Federation";

describe("demo content", () => {
  it("has The Dell Boys' settings, at least eight sections and 40+ public articles besides the seed article", async () => {
    const settings = await prisma.settings.findUniqueOrThrow({ where: { id: 1 } });
    expect(settings.siteName).toBe("The Dell Boys");
    expect(settings.language).toBe("en");
    expect(await prisma.section.count()).toBeGreaterThanOrEqual(8);
    const publicCount = await prisma.article.count({
      where: { ...publicArticleWhere(), slug: { not: SEED_SLUG } },
    });
    expect(publicCount).toBeGreaterThanOrEqual(40);
    for (const section of demoSections) {
      const inSection = await prisma.article.count({
        where: { ...publicArticleWhere(), section: { slug: section.slug } },
      });
      expect(inSection, section.slug).toBeGreaterThanOrEqual(3);
    }
  });

  it("imports the scraped seed article cleanly", async () => {
    const a = await prisma.article.findUniqueOrThrow({
      where: { slug: SEED_SLUG },
      include: { section: true, authors: { include: { user: true } } },
    });
    expect(a.headline).toBe(SEED_HEADLINE);
    expect(a.standfirst.length).toBeGreaterThan(20);
    expect(a.section.name).toBe("Politics");
    expect(a.status).toBe("PUBLISHED");
    expect(a.publishedAt?.toISOString()).toBe("2017-06-06T18:30:00.000Z");
    expect(a.authors).toHaveLength(1);
    const body = articleBodySchema.parse(a.body);
    const paragraphs = body.content.filter((b) => b.type === "paragraph");
    expect(paragraphs.length).toBeGreaterThanOrEqual(8);
    // None of the scraped page's faults: repeated site name or headline, a dangling heading.
    expect(a.bodyText).not.toContain(SEED_HEADLINE);
    expect(a.bodyText).not.toContain("The Dell Boys");
    expect(a.bodyText.toLowerCase()).not.toContain("editors' picks");
    expect(body.content.some((b) => b.type === "heading")).toBe(false);
    // Spicer's two answers sit together in one paragraph.
    const spicer = a.bodyText
      .split("\n\n")
      .find((p) => p.includes("I have not had that discussion with him"));
    expect(spicer).toContain("I said I have not had a discussion with him on the question");
  });

  it("keeps drafts, in-review, future-scheduled and archived articles out of the public set", async () => {
    const hidden = demoArticles.filter((a) => a.status !== "PUBLISHED").map((a) => a.slug);
    expect(hidden.length).toBeGreaterThanOrEqual(7);
    expect(await prisma.article.count({ where: { ...publicArticleWhere(), slug: { in: hidden } } })).toBe(0);
    const scheduled = await prisma.article.findMany({ where: { status: "SCHEDULED" } });
    expect(scheduled.length).toBeGreaterThanOrEqual(2);
    for (const a of scheduled) expect(a.publishedAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("has staff for every role, signing in with ADMIN_PASSWORD, and authors with bios", async () => {
    const password = process.env.ADMIN_PASSWORD ?? "dellboys-demo-2026";
    const emails: Record<string, string> = {
      ADMIN: (process.env.ADMIN_EMAIL ?? "admin@dellboys.example").toLowerCase(),
      EDITOR: "editor@dellboys.example",
      AUTHOR: "author@dellboys.example",
      CONTRIBUTOR: "contributor@dellboys.example",
    };
    for (const [role, email] of Object.entries(emails)) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email } });
      expect(user.role).toBe(role);
      expect(await verifyPassword(password, user.passwordHash!)).toBe(true);
      expect(await verifyPassword("wrong-password", user.passwordHash!)).toBe(false);
    }
    for (const author of demoAuthors) {
      const user = await prisma.user.findUniqueOrThrow({ where: { slug: author.slug } });
      expect(user.bio.length).toBeGreaterThan(30);
    }
  });

  it("stores hero and inline images as media files with their dimensions", async () => {
    const withHero = await prisma.article.findMany({
      where: { heroImageId: { not: null } },
      include: { heroImage: true },
    });
    expect(withHero.length).toBeGreaterThanOrEqual(30);
    const sample = withHero[0]!.heroImage!;
    const file = await getMedia(sample.storageKey);
    expect(file?.length).toBe(sample.bytes);
    expect(sample.alt.length).toBeGreaterThan(5);
    const bodies = await prisma.article.findMany({ select: { body: true } });
    const inlineImages = bodies.flatMap((b) =>
      articleBodySchema.parse(b.body).content.filter((n) => n.type === "image"),
    );
    expect(inlineImages.length).toBeGreaterThanOrEqual(6);
  });

  it("curates the front page and editors' picks in order", async () => {
    // Other test files curate their fixtures at positions 900 and up, in parallel with this one.
    const demo = { position: { lt: 900 } };
    const picks = await prisma.curatedSlot.findMany({
      where: { list: "EDITORS_PICKS", ...demo },
      orderBy: { position: "asc" },
      include: { article: true },
    });
    expect(picks.map((p) => p.article.slug)).toEqual(editorsPicks);
    expect(editorsPicks).toContain(SEED_SLUG);
    const front = await prisma.curatedSlot.findMany({
      where: { list: "FRONT_PAGE", ...demo },
      orderBy: { position: "asc" },
      include: { article: true },
    });
    expect(front.map((p) => p.article.slug)).toEqual(frontPage);
  });

  // On a database of its own: other test files add fixtures to the shared one while this runs.
  it("is idempotent and never overwrites what staff changed", async () => {
    const own = await createTestDatabase("news_seed");
    await prepareDatabase(own.url, { seedIfEmpty: true });
    const prisma = createPrismaClient(own.url, 2);
    try {
      await expectIdempotent(prisma);
    } finally {
      await prisma.$disconnect();
      await own.drop();
    }
  }, 180_000);
});

async function expectIdempotent(prisma: PrismaClient) {
  const counts = async () =>
    Promise.all([
      prisma.article.count(),
      prisma.user.count(),
      prisma.section.count(),
      prisma.tag.count(),
      prisma.media.count(),
      prisma.curatedSlot.count(),
      prisma.revision.count(),
      prisma.correction.count(),
      prisma.articleViewDaily.count(),
    ]);
  const before = await counts();
  const section = await prisma.section.findUniqueOrThrow({ where: { slug: demoSections[0]!.slug } });
  await prisma.section.update({ where: { id: section.id }, data: { name: "Renamed by staff" } });
  try {
    await seedWith(prisma);
    expect(await counts()).toEqual(before);
    expect((await prisma.section.findUniqueOrThrow({ where: { id: section.id } })).name).toBe(
      "Renamed by staff",
    );
  } finally {
    await prisma.section.update({ where: { id: section.id }, data: { name: section.name } });
  }
}
