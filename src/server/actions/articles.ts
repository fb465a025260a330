"use server";
import "server-only";
import { randomBytes } from "node:crypto";
import { redirect } from "next/navigation";
import { prisma } from "@/server/db";
import { createArticle } from "@/server/services/articles";
import { requireActor } from "@/server/services/session";

/**
 * "New article": a draft to write into (the editor autosaves it from the first keystroke). Its slug
 * is random, not a clock reading: two people pressing the button in one millisecond get two drafts.
 */
export async function createDraftAction(): Promise<void> {
  const actor = await requireActor();
  const article = await createArticle(prisma, actor, { headline: "Untitled draft", slug: `draft-${randomBytes(5).toString("hex")}` });
  redirect(`/dashboard/articles/${article.id}`);
}
