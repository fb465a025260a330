import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for a GitHub Enterprise Server's OAuth endpoints (AUTH_GITHUB_URL), so that a real
 * browser goes through the whole GitHub sign-in: the authorize page (a form where the test types
 * whose account it is), the code-for-token exchange the site makes, and the user API it reads.
 * The code and the token carry the account's email and whether GitHub verified it: nothing is
 * kept between requests.
 */
export interface FakeGitHub {
  url: string;
  close: () => Promise<void>;
}

const id = (email = "") => parseInt(createHash("sha256").update(email).digest("hex").slice(0, 8), 16);
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://github.invalid");
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": type, ...headers });
      response.end(body);
    };
    if (url.pathname === "/login/oauth/authorize") {
      const hidden = ["redirect_uri", "state"].map((name) => `<input type="hidden" name="${name}" value="${escape(url.searchParams.get(name) ?? "")}">`);
      return send(200, "text/html", `<!doctype html><title>Fake GitHub</title><form action="/login/oauth/grant">${hidden.join("")}<label>GitHub account email <input name="email"></label><label><input type="checkbox" name="verified" value="1" checked> Verified</label><button>Authorize</button></form>`);
    }
    if (url.pathname === "/login/oauth/grant") {
      const back = new URL(url.searchParams.get("redirect_uri") ?? "");
      const account = { email: url.searchParams.get("email") ?? "", verified: url.searchParams.get("verified") === "1" };
      back.searchParams.set("code", Buffer.from(JSON.stringify(account)).toString("base64url"));
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      return send(302, "text/plain", "", { location: back.href });
    }
    if (url.pathname === "/login/oauth/access_token" && request.method === "POST") {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        const code = new URLSearchParams(body).get("code") ?? "";
        send(200, "application/json", JSON.stringify({ access_token: code, token_type: "bearer", scope: "read:user,user:email" }));
      });
      return;
    }
    // As GitHub: the profile shows no email (none made public); the list of emails does.
    const token = (request.headers.authorization ?? "").replace(/^Bearer /i, "");
    let account: { email?: string; verified?: boolean } = {};
    try {
      account = JSON.parse(Buffer.from(token, "base64url").toString());
    } catch {
      return send(401, "application/json", JSON.stringify({ message: "Bad credentials" }));
    }
    if (url.pathname === "/api/v3/user") {
      return send(200, "application/json", JSON.stringify({ id: id(account.email), login: (account.email ?? "").split("@")[0], name: null, email: null, avatar_url: null }));
    }
    if (url.pathname === "/api/v3/user/emails") {
      // "a, b": the account's primary address a, and b, verified, besides.
      const [primary, ...others] = (account.email ?? "").split(",").map((e) => e.trim());
      const emails = [
        { email: `${id(account.email)}@users.noreply.github.invalid`, primary: false, verified: true, visibility: null },
        { email: primary, primary: true, verified: account.verified === true, visibility: null },
        ...others.map((email) => ({ email, primary: false, verified: true, visibility: null })),
      ];
      return send(200, "application/json", JSON.stringify(emails));
    }
    send(404, "text/plain", "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
