import type { Metadata } from "next";
import { CreateApiTokenForm, RevokeApiTokenButton } from "@/components/dashboard/api-token-forms.client";
import { DateTime } from "@/components/dashboard/date-time.client";
import { prisma } from "@/server/db";
import { listApiTokens, type ApiTokenState } from "@/server/services/api-tokens";
import { can } from "@/server/services/permissions";
import { staffOrSignIn } from "@/server/services/staff-page";

export const metadata: Metadata = { title: "API tokens" };

/**
 * Beside a token's name: why it is refused when it is not revoked (expired, or its owner's
 * state), or that it soon expires, so that its program is moved to a new token in time.
 */
function TokenNote({ token }: { token: { state: ApiTokenState; expiringInDays: number | null; user: { name: string } } }) {
  const owner = token.user.name;
  const why: Partial<Record<ApiTokenState, string>> = {
    expired: "Expired: make a new one if it is still needed.",
    "owner-disabled": `Refused: ${owner}'s account is disabled.`,
    "owner-two-step-missing": `Refused until ${owner} sets up two-step sign-in, which their role requires.`,
  };
  const days = token.expiringInDays;
  const note = why[token.state] ?? (days ? `Expires in ${days === 1 ? "a day" : `${days} days`}: make a new token and move its program to it before then.` : null);
  return note ? <span className="mt-1 block max-w-60 text-xs font-semibold text-accent-ink">{note}</span> : null;
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
                      <TokenNote token={t} />
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
