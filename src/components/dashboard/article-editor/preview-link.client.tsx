"use client";
import { useState } from "react";
import { callApi } from "@/components/dashboard/api-client";
import { FormMessage, secondaryButtonClass } from "@/components/dashboard/form-bits";
import { OneTimeSecret } from "@/components/dashboard/one-time-secret.client";

/**
 * Preview links for someone outside the newsroom (services/preview-links.ts): make one, copy it,
 * or stop every link given out. `shared`: links were given out and not stopped.
 */
export function PreviewLinks({ articleId, shared: initiallyShared }: { articleId: string; shared: boolean }) {
  const [shared, setShared] = useState(initiallyShared);
  const [link, setLink] = useState<{ path: string; expiresAt: string } | null>(null);
  const [message, setMessage] = useState({ ok: true, text: "" });
  const [busy, setBusy] = useState(false);

  async function run<T>(action: string, done: (data: T) => void) {
    setBusy(true);
    setMessage({ ok: true, text: "" });
    const result = await callApi<T>("POST", `/api/v1/articles/${articleId}/${action}`, {});
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error.message });
    done(result.data);
  }

  return (
    <div className="space-y-2 rounded-md border border-rule p-3">
      <h2 className="font-semibold">Preview link</h2>
      <p className="text-sm text-muted">For someone without an account, such as a lawyer: the article as readers will see it, for 7 days.</p>
      {link ? (
        <OneTimeSecret id="preview-link" label="Link to send" value={link.path}
          note={`Works until ${new Date(link.expiresAt).toLocaleString()}, or until you stop sharing. Anyone who has it can read the article.`} />
      ) : shared ? (
        <p className="text-sm">Links to this article are shared.</p>
      ) : null}
      <FormMessage ok={message.ok} message={message.text} />
      <button type="button" className={`${secondaryButtonClass} w-full`} disabled={busy}
        onClick={() => void run<{ path: string; expiresAt: string }>("preview-links", (data) => { setLink(data); setShared(true); })}>
        {shared ? "Make another link" : "Make a preview link"}
      </button>
      {shared ? (
        <button type="button" className={`${secondaryButtonClass} w-full`} disabled={busy}
          onClick={() => void run("stop-preview-links", () => { setLink(null); setShared(false); setMessage({ ok: true, text: "Sharing stopped: every link given out no longer works." }); })}>
          Stop sharing
        </button>
      ) : null}
    </div>
  );
}
