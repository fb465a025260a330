"use server";
import "server-only";
import { randomBytes } from "node:crypto";
import { redirect } from "next/navigation";
import { UNTITLED_HEADLINE } from "@/lib/schemas/article";
import { runAction, type ActionState } from "@/server/actions/action-state";
import { prisma } from "@/server/db";
import { createArticle } from "@/server/services/articles";
import { requireActor } from "@/server/services/session";

/**
 * "New article": a draft to write into (the editor autosaves it from the first keystroke). Its slug
 * is random, not a clock reading: two people pressing the button in one millisecond get two drafts.
 * A failure (the database unreachable) is told beside the button, not by the dashboard's error page.
 */
export async function createDraftAction(_prev: ActionState): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const article = await createArticle(prisma, actor, { headline: UNTITLED_HEADLINE, slug: `draft-${randomBytes(5).toString("hex")}` });
    redirect(`/dashboard/articles/${article.id}`);
  });
}
