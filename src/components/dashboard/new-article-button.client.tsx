"use client";
import { useActionState } from "react";
import { FormMessage, buttonClass } from "@/components/dashboard/form-bits";
import type { ActionState } from "@/server/actions/action-state";
import { createDraftAction } from "@/server/actions/articles";

const initial: ActionState = { ok: false, message: "" };

/** "New article": opens a new draft in the editor, or says beside the button why it could not. */
export function NewArticleButton() {
  const [state, action, pending] = useActionState(createDraftAction, initial);
  return (
    <form action={action} className="flex flex-col items-end gap-2">
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Creating…" : "New article"}
      </button>
      {state.ok ? null : <FormMessage ok={false} message={state.message} />}
    </form>
  );
}
