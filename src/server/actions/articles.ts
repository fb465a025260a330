"use server";
import "server-only";
import { redirect } from "next/navigation";
import { prisma } from "@/server/db";
import { createArticle } from "@/server/services/articles";
import { requireActor } from "@/server/services/session";

/** "New article": a draft to write into (the editor autosaves it from the first keystroke). */
export async function createDraftAction(): Promise<void> {
  const actor = await requireActor();
  const article = await createArticle(prisma, actor, { headline: "Untitled draft", slug: `draft-${Date.now().toString(36)}` });
  redirect(`/dashboard/articles/${article.id}`);
}
