"use server";
import "server-only";
import { refresh } from "next/cache";
import { curationListSchema } from "@/lib/schemas/curation";
import { formFields, runAction, type ActionState } from "@/server/actions/action-state";
import { prisma } from "@/server/db";
import { clearBreakingNews, setBreakingNews, setCuratedList } from "@/server/services/curation";
import { ServiceError } from "@/server/services/errors";
import { requireActor } from "@/server/services/session";

/** The front page, editors' picks and the breaking-news banner. The service checks permission. */

/** The list's article ids arrive in order as repeated "articleId" fields. */
export async function saveCuratedListAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const list = curationListSchema.parse(form.get("list"));
    const strings = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
    try {
      // "basedOn" is always sent by the form (an empty list too): "basedOnSent" tells none from absent.
      await setCuratedList(prisma, actor, list, strings("articleId"), form.has("basedOnSent") ? strings("basedOn") : undefined);
    } catch (error) {
      if (!(error instanceof ServiceError && error.code === "conflict")) throw error;
      // Someone else saved it: the page reads the list as it is now; the form keeps this editor's.
      refresh();
      return { ok: false, message: error.message, data: { conflict: true } };
    }
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
