import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { breakingNewsSchema, curatedListSchema, curationLimits, type CurationListName } from "@/lib/schemas/curation";
import { publicArticleWhere } from "@/server/data/visibility";
import { audit } from "@/server/services/audit";
import { ServiceError } from "@/server/services/errors";
import { can, ensure, type Actor } from "@/server/services/permissions";
import { expireCuration } from "@/server/services/publishing";

/**
 * The front page, editors' picks and the breaking-news banner. Only public articles may be
 * curated; readers' pages apply the visibility rule again when they read the lists, so an article
 * that stops being public simply drops out.
 */

type Db = PrismaClient;

const listLabel: Record<CurationListName, string> = { FRONT_PAGE: "the front page", EDITORS_PICKS: "editors' picks" };

export interface CurationItem {
  id: string;
  headline: string;
  slug: string;
  section: { slug: string; name: string };
  publishedAt: string;
}

const itemSelect = {
  id: true,
  headline: true,
  slug: true,
  publishedAt: true,
  section: { select: { slug: true, name: true } },
} satisfies Prisma.ArticleSelect;

function toItem(row: Prisma.ArticleGetPayload<{ select: typeof itemSelect }>): CurationItem {
  return { ...row, publishedAt: (row.publishedAt ?? new Date(0)).toISOString() };
}

/** 422 naming each refused item by its position (field "articleIds.<index>", message 1-based). */
function refuseItems(problems: Map<number, string>, message: (positions: string) => string): void {
  if (problems.size === 0) return;
  const positions = [...problems.keys()].map((i) => i + 1).join(", ");
  throw new ServiceError("invalid", message(positions), Object.fromEntries([...problems].map(([i, text]) => [`articleIds.${i}`, text])));
}

/** Refuses a list that is too long or names an article twice, before anything is read. */
function checkShape(list: CurationListName, ids: string[]): void {
  const limit = curationLimits[list];
  if (ids.length > limit) {
    throw new ServiceError("invalid", `At most ${limit} stories fit on ${listLabel[list]}.`, { articleIds: `At most ${limit} stories.` });
  }
  const twice = new Map<number, string>();
  ids.forEach((id, i) => {
    const first = ids.indexOf(id);
    if (first !== i) twice.set(i, `Already in the list at position ${first + 1}.`);
  });
  refuseItems(twice, (positions) => `A story is listed twice (position ${positions}).`);
}

/** Every id must be an article readers can see right now (not a draft, not scheduled for later). */
async function checkPublic(tx: Prisma.TransactionClient, ids: string[], now: Date): Promise<void> {
  const found = await tx.article.findMany({ where: { id: { in: ids }, ...publicArticleWhere(now) }, select: { id: true } });
  const publicIds = new Set(found.map((a) => a.id));
  const hidden = new Map<number, string>();
  ids.forEach((id, i) => {
    if (!publicIds.has(id)) hidden.set(i, "Not a public article.");
  });
  refuseItems(hidden, (positions) => `Only public articles can be curated: position ${positions} is not public or does not exist.`);
}

/**
 * Another editor saved the list after `basedOn` was read: 409 naming them, with the list as it is
 * now (`current`), so that nobody's front page is replaced unseen.
 */
async function checkBasis(tx: Prisma.TransactionClient, list: CurationListName, basedOn: string[], now: Date): Promise<void> {
  const shown = await tx.curatedSlot.findMany({ where: { list, article: publicArticleWhere(now) }, orderBy: { position: "asc" }, select: { articleId: true } });
  const current = shown.map((s) => s.articleId);
  if (current.length === basedOn.length && current.every((id, i) => id === basedOn[i])) return;
  const last = await tx.auditLog.findFirst({
    where: { action: "curation.update", entityId: list },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, actor: { select: { name: true } } },
  });
  throw new ServiceError("conflict", `${last?.actor?.name ?? "Someone"} changed ${listLabel[list]} since you opened it. Nothing was saved.`, undefined, {
    current,
    changedBy: last?.actor?.name ?? null,
    changedAt: last?.createdAt.toISOString() ?? null,
  });
}

/**
 * Replaces a list with exactly these articles, in this order (the front page's first is its lead).
 * `basedOn`: the list as the editor last saw it; when given, a list saved by someone else since is
 * refused (409) instead of replaced unseen. The dashboard always sends it; API callers may.
 */
export async function setCuratedList(db: Db, actor: Actor, list: CurationListName, articleIds: string[], basedOn?: string[]): Promise<void> {
  ensure(can.curate(actor), "Only editors and admins curate the front page.");
  const input = curatedListSchema.parse({ list, articleIds, basedOn });
  checkShape(input.list, input.articleIds);
  await db.$transaction(async (tx) => {
    const now = new Date();
    // One list save at a time (the settings row is the lock): two checks cannot both pass.
    await tx.$queryRaw`SELECT id FROM "Settings" WHERE id = 1 FOR UPDATE`;
    if (input.basedOn) await checkBasis(tx, input.list, input.basedOn, now);
    await checkPublic(tx, input.articleIds, now);
    const before = await tx.curatedSlot.findMany({ where: { list: input.list }, orderBy: { position: "asc" }, select: { articleId: true } });
    // Positions and articles are unique per list: clear the list, then write it whole.
    await tx.curatedSlot.deleteMany({ where: { list: input.list } });
    await tx.curatedSlot.createMany({ data: input.articleIds.map((articleId, position) => ({ list: input.list, position, articleId })) });
    await audit(tx, actor, "curation.update", "CuratedList", input.list, { before: before.map((s) => s.articleId), after: input.articleIds });
  });
  await expireCuration();
}

/** Shows the banner above every page until expiresAt (or until cleared). */
export async function setBreakingNews(db: Db, actor: Actor, input: unknown): Promise<void> {
  ensure(can.curate(actor), "Only editors and admins set the breaking-news banner.");
  const data = breakingNewsSchema.parse(input);
  const expiresAt = data.expiresAt ? new Date(data.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new ServiceError("invalid", "The banner would already have expired.", { expiresAt: "Choose a time in the future." });
  }
  await db.$transaction(async (tx) => {
    await tx.settings.update({
      where: { id: 1 },
      data: { breakingNewsText: data.text, breakingNewsUrl: data.url ?? null, breakingNewsExpiresAt: expiresAt },
    });
    await audit(tx, actor, "breaking.set", "Settings", "1", { text: data.text, url: data.url ?? null, expiresAt: expiresAt?.toISOString() ?? null });
  });
  await expireCuration();
}

export async function clearBreakingNews(db: Db, actor: Actor): Promise<void> {
  ensure(can.curate(actor), "Only editors and admins clear the breaking-news banner.");
  await db.$transaction(async (tx) => {
    await tx.settings.update({ where: { id: 1 }, data: { breakingNewsText: null, breakingNewsUrl: null, breakingNewsExpiresAt: null } });
    await audit(tx, actor, "breaking.clear", "Settings", "1");
  });
  await expireCuration();
}

export interface CurationState {
  lists: Record<CurationListName, CurationItem[]>;
  /** The newest public articles, to add to either list. */
  candidates: CurationItem[];
  /** live: readers see it now (false once expiresAt has passed). */
  breakingNews: { text: string; url: string | null; expiresAt: string | null; live: boolean } | null;
}

/**
 * For the curation page and the API: both lists as readers see them (an article that stopped
 * being public is left out, and saving the list drops it), candidates, and the banner.
 */
export async function curationState(db: Db, actor: Actor): Promise<CurationState> {
  ensure(can.curate(actor), "Only editors and admins curate the front page.");
  const now = new Date();
  const [slots, candidates, settings] = await Promise.all([
    db.curatedSlot.findMany({
      where: { article: publicArticleWhere(now) },
      orderBy: [{ list: "asc" }, { position: "asc" }],
      select: { list: true, article: { select: itemSelect } },
    }),
    db.article.findMany({ where: publicArticleWhere(now), orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: 50, select: itemSelect }),
    db.settings.findUnique({ where: { id: 1 }, select: { breakingNewsText: true, breakingNewsUrl: true, breakingNewsExpiresAt: true } }),
  ]);
  const lists: Record<CurationListName, CurationItem[]> = { FRONT_PAGE: [], EDITORS_PICKS: [] };
  for (const slot of slots) lists[slot.list].push(toItem(slot.article));
  return {
    lists,
    candidates: candidates.map(toItem),
    breakingNews: settings?.breakingNewsText
      ? {
          text: settings.breakingNewsText,
          url: settings.breakingNewsUrl,
          expiresAt: settings.breakingNewsExpiresAt?.toISOString() ?? null,
          live: !settings.breakingNewsExpiresAt || settings.breakingNewsExpiresAt > now,
        }
      : null,
  };
}
