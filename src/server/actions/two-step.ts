"use server";
import "server-only";
import { refresh } from "next/cache";
import QRCode from "qrcode";
import { userIdSchema } from "@/lib/schemas/user";
import { runAction, type ActionState } from "@/server/actions/action-state";
import { getSiteSettings } from "@/server/data/articles";
import { prisma } from "@/server/db";
import { requireActor } from "@/server/services/session";
import { beginTwoStep, confirmTwoStep, removeTwoStep, renewRecoveryCodes, turnOffTwoStep } from "@/server/services/two-step";

/** Two-step sign-in from the profile page (the member) and the staff page (an admin). */

const code = (form: FormData) => String(form.get("code") ?? "");

export async function beginTwoStepAction(): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor({ settingUpTwoStep: true });
    const { siteName } = await getSiteSettings();
    const { secret, uri } = await beginTwoStep(prisma, actor, siteName);
    const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
    return { ok: true, message: "", data: { secret, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` } };
  });
}

export async function confirmTwoStepAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { recoveryCodes } = await confirmTwoStep(prisma, await requireActor({ settingUpTwoStep: true }), code(form));
    // No refresh here: the page keeps the recovery codes on screen until the member has kept them.
    return { ok: true, message: "Two-step sign-in is on.", data: { recoveryCodes } };
  });
}

export async function renewRecoveryCodesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { recoveryCodes } = await renewRecoveryCodes(prisma, await requireActor(), code(form));
    // No refresh: the codes stay on screen until the member has kept them.
    return { ok: true, message: "New recovery codes made. The old ones no longer work.", data: { recoveryCodes } };
  });
}

export async function turnOffTwoStepAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    await turnOffTwoStep(prisma, await requireActor(), code(form));
    refresh();
    return { ok: true, message: "Two-step sign-in is off." };
  });
}

export async function removeTwoStepAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { userId } = userIdSchema.parse({ userId: form.get("userId") });
    await removeTwoStep(prisma, await requireActor(), userId);
    refresh();
    return { ok: true, message: "Two-step sign-in is off for them. They sign in with their password alone until they set it up again." };
  });
}
