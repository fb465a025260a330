"use server";
import "server-only";
import { refresh } from "next/cache";
import { formFields, runAction, type ActionState } from "@/server/actions/action-state";
import { prisma } from "@/server/db";
import { requireActor } from "@/server/services/session";
import { createSection, deleteSection, deleteTag, mergeTag, moveSection, updateSection, renameTag } from "@/server/services/taxonomy";

/**
 * Sections and tags from the taxonomy page. Each form sends the row's id as "id"; the rest of its
 * fields go to the service, which checks permission and validates them.
 */

function split(form: FormData): { id: string; fields: Record<string, string> } {
  const { id = "", ...fields } = formFields(form);
  return { id, fields };
}

export async function createSectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const section = await createSection(prisma, actor, formFields(form));
    refresh();
    return { ok: true, message: `Section “${section.name}” created at /${section.slug}.` };
  });
}

export async function updateSectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { id, fields } = split(form);
    const section = await updateSection(prisma, actor, id, fields);
    refresh();
    return { ok: true, message: `Saved. The section is at /${section.slug}.` };
  });
}

export async function moveSectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { id, fields } = split(form);
    await moveSection(prisma, actor, id, fields);
    refresh();
    return { ok: true, message: "Order saved.", data: { direction: fields.direction } };
  });
}

export async function deleteSectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    await deleteSection(prisma, actor, split(form).id);
    refresh();
    return { ok: true, message: "Section deleted." };
  });
}

export async function renameTagAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { id, fields } = split(form);
    const tag = await renameTag(prisma, actor, id, fields);
    refresh();
    return { ok: true, message: `Saved. The tag page is at /tag/${tag.slug}.` };
  });
}

export async function mergeTagAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const { id, fields } = split(form);
    const target = await mergeTag(prisma, actor, id, fields);
    refresh();
    return { ok: true, message: `Merged into “${target.name}”.` };
  });
}

export async function deleteTagAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    await deleteTag(prisma, actor, split(form).id);
    refresh();
    return { ok: true, message: "Tag deleted." };
  });
}
