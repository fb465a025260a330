import "server-only";
import type { ArticleStatus, Role } from "@/generated/prisma/enums";
import { forbidden } from "@/server/services/errors";

/**
 * The permission table of DESIGN.md (Ghost's model), as functions. Every server action and API
 * route asks here itself; hiding a button is never the protection.
 *
 * | role        | own drafts               | others' drafts | publish / schedule | curate | users, settings |
 * | contributor | write, submit for review | –              | –                  | –      | –               |
 * | author      | write                    | –              | own                | –      | –               |
 * | editor      | write                    | write          | all                | yes    | invite authors/contributors |
 * | admin       | write                    | write          | all                | yes    | yes             |
 */

export type Actor = { id: string; role: Role; name: string };
export type ArticleRef = { status: ArticleStatus; authorIds: string[]; createdById: string | null };

/** What the permission rules need to know of an article row. */
export function refOf(article: { status: ArticleStatus; createdById: string | null; authors: { userId: string }[] }): ArticleRef {
  return { status: article.status, createdById: article.createdById, authorIds: article.authors.map((a) => a.userId) };
}

const rank: Record<Role, number> = { CONTRIBUTOR: 0, AUTHOR: 1, EDITOR: 2, ADMIN: 3 };
export const atLeast = (actor: Actor, role: Role) => rank[actor.role] >= rank[role];

export function isOwn(actor: Actor, article: ArticleRef): boolean {
  return article.createdById === actor.id || article.authorIds.includes(actor.id);
}

/** Never public yet: contributors may only touch these of their own. */
const unpublishedStates: ArticleStatus[] = ["DRAFT", "IN_REVIEW"];

export const can = {
  createArticle: (_actor: Actor) => true,
  viewArticle: (actor: Actor, article: ArticleRef) => atLeast(actor, "EDITOR") || isOwn(actor, article),
  editArticle: (actor: Actor, article: ArticleRef) =>
    atLeast(actor, "EDITOR") ||
    (actor.role === "AUTHOR" && isOwn(actor, article)) ||
    (actor.role === "CONTRIBUTOR" && isOwn(actor, article) && unpublishedStates.includes(article.status)),
  /** Only drafts go to review (one already in review has nowhere to go), as the service enforces. */
  submitForReview: (actor: Actor, article: ArticleRef) => can.editArticle(actor, article) && article.status === "DRAFT",
  /** Editors send an article in review back to its writers, with a note (service: only from review). */
  returnToWriter: (actor: Actor) => atLeast(actor, "EDITOR"),
  /** Its writers take an article back from review to go on working on it (service: only from review). */
  withdrawFromReview: (actor: Actor, article: ArticleRef) => isOwn(actor, article),
  publish: (actor: Actor, article: ArticleRef) =>
    atLeast(actor, "EDITOR") || (actor.role === "AUTHOR" && isOwn(actor, article)),
  /** A preview link for someone outside the newsroom: whoever may publish the article. */
  sharePreview: (actor: Actor, article: ArticleRef) => can.publish(actor, article),
  deleteArticle: (actor: Actor, article: ArticleRef) =>
    atLeast(actor, "EDITOR") ||
    (actor.role === "AUTHOR" && isOwn(actor, article)) ||
    (actor.role === "CONTRIBUTOR" && isOwn(actor, article) && unpublishedStates.includes(article.status)),
  /** Only an editor may name other people in a byline (authors keep themselves on it). */
  setAnyAuthors: (actor: Actor) => atLeast(actor, "EDITOR"),
  addCorrection: (actor: Actor) => atLeast(actor, "EDITOR"),
  curate: (actor: Actor) => atLeast(actor, "EDITOR"),
  manageTaxonomy: (actor: Actor) => atLeast(actor, "EDITOR"),
  /** Tags that do not exist yet may be created while tagging by authors and up. */
  createTagInline: (actor: Actor) => atLeast(actor, "AUTHOR"),
  uploadMedia: (_actor: Actor) => true,
  editMedia: (actor: Actor, uploadedById: string | null) => atLeast(actor, "EDITOR") || uploadedById === actor.id,
  deleteMedia: (actor: Actor) => atLeast(actor, "EDITOR"),
  /** Editors invite authors and contributors; admins invite anyone. */
  invite: (actor: Actor, role: Role) =>
    actor.role === "ADMIN" || (actor.role === "EDITOR" && (role === "AUTHOR" || role === "CONTRIBUTOR")),
  manageUsers: (actor: Actor) => actor.role === "ADMIN",
  viewUsers: (actor: Actor) => atLeast(actor, "EDITOR"),
  editProfile: (actor: Actor, userId: string) => actor.id === userId || actor.role === "ADMIN",
  manageSettings: (actor: Actor) => actor.role === "ADMIN",
  manageApiTokens: (actor: Actor) => actor.role === "ADMIN",
  viewAuditLog: (actor: Actor) => actor.role === "ADMIN",
} as const;

/** Throws 403 unless allowed. */
export function ensure(allowed: boolean, message?: string): asserts allowed {
  if (!allowed) throw forbidden(message);
}
