"use server";
import "server-only";
import { refresh } from "next/cache";
import { curationListSchema } from "@/lib/schemas/curation";
import { formFields, runAction, type ActionState } from "@/server/actions/action-state";
import { prisma } from "@/server/db";
import { clearBreakingNews, setBreakingNews, setCuratedList } from "@/server/services/curation";
import { requireActor } from "@/server/services/session";

/** The front page, editors' picks and the breaking-news banner. The service checks permission. */

/** The list's article ids arrive in order as repeated "articleId" fields. */
export async function saveCuratedListAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const list = curationListSchema.parse(form.get("list"));
    const articleIds = form.getAll("articleId").filter((v): v is string => typeof v === "string");
    await setCuratedList(prisma, actor, list, articleIds);
    refresh();
    return { ok: true, message: "Saved — the front page is updated." };
  });
}

/** One form, two buttons: intent "set" (text, url, expiresAt as ISO with offset) or "clear". */
export async function breakingNewsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { intent, ...fields } = formFields(form);
    if (intent === "clear") {
      await clearBreakingNews(prisma, actor);
      refresh();
      return { ok: true, message: "Banner cleared.", data: { cleared: true } };
    }
    await setBreakingNews(prisma, actor, fields);
    refresh();
    return { ok: true, message: "Banner set — it shows above every page." };
  });
}
