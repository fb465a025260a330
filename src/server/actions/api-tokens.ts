"use server";
import "server-only";
import { refresh } from "next/cache";
import { apiTokenCreateSchema } from "@/lib/schemas/api-token";
import { formFields, runAction, type ActionState } from "@/server/actions/action-state";
import { prisma } from "@/server/db";
import { createApiToken, revokeApiToken } from "@/server/services/api-tokens";
import { requireActor } from "@/server/services/session";

/** API tokens from the dashboard (admins; the service checks). */

export async function createApiTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const created = await createApiToken(prisma, actor, apiTokenCreateSchema.parse(formFields(form)));
    refresh();
    return { ok: true, message: `Token "${created.name}" created.`, data: { token: created.token } };
  });
}

export async function revokeApiTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    await revokeApiToken(prisma, actor, String(form.get("id") ?? ""));
    refresh();
    return { ok: true, message: "Token revoked." };
  });
}
