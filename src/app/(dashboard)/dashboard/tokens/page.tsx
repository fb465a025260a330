import type { Metadata } from "next";
import { CreateApiTokenForm, RevokeApiTokenButton } from "@/components/dashboard/api-token-forms.client";
import { DateTime } from "@/components/dashboard/date-time.client";
import { prisma } from "@/server/db";
import { listApiTokens, type ApiTokenState } from "@/server/services/api-tokens";
import { can } from "@/server/services/permissions";
import { staffOrSignIn } from "@/server/services/staff-page";

export const metadata: Metadata = { title: "API tokens" };

/** Why a token that is not revoked is refused (expired, or its owner's state), beside its name. */
function Refusal({ state, owner }: { state: ApiTokenState; owner: string }) {
  const why: Partial<Record<ApiTokenState, string>> = {
    expired: "Expired: make a new one if it is still needed.",
    "owner-disabled": `Refused: ${owner}'s account is disabled.`,
    "owner-two-step-missing": `Refused until ${owner} sets up two-step sign-in, which their role requires.`,
  };
  return why[state] ? <span className="mt-1 block max-w-60 text-xs font-semibold text-accent-ink">{why[state]}</span> : null;
}

export default async function ApiTokensPage() {
  const actor = await staffOrSignIn("/dashboard/tokens");
  if (!can.manageApiTokens(actor)) {
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">API tokens</h1>
        <p role="alert">Only admins manage API tokens.</p>
      </>
    );
  }
  const tokens = await listApiTokens(prisma, actor);

  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">API tokens</h1>
      <section aria-labelledby="new-token-heading" className="mb-8 rounded-md border border-rule p-4">
        <h2 id="new-token-heading" className="mb-1 text-lg font-semibold">
          New token
        </h2>
        <p className="mb-3 text-sm text-muted">
          For programs that use the JSON API at /api/v1. Only a fingerprint is stored: a lost token cannot be shown again, only revoked and replaced. A
          token that expires limits the harm of one that leaks.
        </p>
        <CreateApiTokenForm />
      </section>

      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-2 text-lg font-semibold">
          Tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="text-sm text-muted">No tokens yet.</p>
        ) : (
          // Focusable, so that the keyboard can scroll it on a phone even when no row has a
          // control left (every token revoked).
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby="tokens-caption">
            <table className="w-full min-w-[46rem] border-collapse text-left text-sm">
              <caption id="tokens-caption" className="sr-only">
                API tokens
              </caption>
              <thead>
                <tr className="border-b border-rule">
                  <th scope="col" className="py-2 pr-3">Name</th>
                  <th scope="col" className="py-2 pr-3">Starts with</th>
                  <th scope="col" className="py-2 pr-3">Access</th>
                  <th scope="col" className="py-2 pr-3">Created</th>
                  <th scope="col" className="py-2 pr-3">Expires</th>
                  <th scope="col" className="py-2 pr-3">Last used</th>
                  <th scope="col" className="py-2">Status</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id} className={`border-b border-rule align-top ${t.revokedAt ? "text-muted" : ""}`}>
                    <th scope="row" className="py-2 pr-3 text-left font-semibold">
                      {t.name}
                      <span className="block text-xs font-normal text-muted">by {t.user.name}</span>
                      <Refusal state={t.state} owner={t.user.name} />
                    </th>
                    <td className="py-2 pr-3 font-mono">{t.prefix}…</td>
                    <td className="py-2 pr-3">{t.scope === "WRITE" ? "Read and write" : "Read only"}</td>
                    <td className="py-2 pr-3">
                      <DateTime iso={t.createdAt.toISOString()} />
                    </td>
                    <td className="py-2 pr-3">
                      {t.expiresAt ? (
                        <>
                          {t.state === "expired" ? "Expired " : null}
                          <DateTime iso={t.expiresAt.toISOString()} />
                        </>
                      ) : (
                        "Never"
                      )}
                    </td>
                    <td className="py-2 pr-3">{t.lastUsedAt ? <DateTime iso={t.lastUsedAt.toISOString()} /> : "Never"}</td>
                    <td className="py-2">
                      {t.revokedAt ? (
                        <span>
                          Revoked <DateTime iso={t.revokedAt.toISOString()} />
                        </span>
                      ) : (
                        <RevokeApiTokenButton id={t.id} name={t.name} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
