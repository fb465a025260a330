/**
 * Where a page's Lighthouse score goes: the live page against three controls, served by a small
 * proxy in front of the same server, run alternately so that every variant meets the same machine:
 *
 *   plain      a page of one heading and one sentence: what the browser and Lighthouse cost alone
 *   no-script  the page's own HTML and stylesheet, fonts and images, with every script taken out
 *   static     the page's HTML byte for byte, with all its scripts, sent from memory
 *   live       the page from the server (through the proxy, like the rest)
 *
 * Each control is sent gzipped with the live response's headers (policy, font preloads, COOP), and
 * everything else it loads (stylesheet, fonts, images, scripts) comes from the server through the
 * proxy. So plain → no-script is the cost of our HTML and CSS, no-script → static the cost of the
 * framework's scripts and our page's hydration, static → live the cost of the server answering.
 * Prints medians (and ranges, Lighthouse being noisy) of RUNS (5) runs each. PAGE: which of
 * browserPages() (article).
 *
 *   npx tsx bench/lighthouse-controls.ts
 *   BENCH_URL=http://127.0.0.1:3500 RUNS=7 PAGE=front npx tsx bench/lighthouse-controls.ts
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { audit, lighthouse, type Report } from "./lib/lighthouse.ts";
import { browserPages, median, startServer } from "./lib/server.ts";

const RUNS = Number(process.env.RUNS ?? 5);
const pageName = process.env.PAGE ?? "article";
const pagePath = browserPages().find(([name]) => name === pageName)?.[1];
if (!pagePath) throw new Error(`PAGE=${pageName}: not one of ${browserPages().map(([n]) => n).join(", ")}`);

const PLAIN =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title>Plain page</title><meta name="description" content="A control page for Lighthouse."></head>' +
  "<body><h1>Plain page</h1><p>One heading and one sentence, for the browser's own cost.</p></body></html>";

/** The page without a script: every script element, and the preloads of script files. */
function withoutScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*\bas="script"[^>]*>/g, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>/g, "");
}

// Headers of the live response that a copy of its body cannot keep as they are.
const bodyHeaders = new Set(["content-length", "content-encoding", "transfer-encoding", "etag", "date", "connection", "keep-alive", "last-modified"]);

const server = await startServer();
const target = new URL(server.url);
let proxy: http.Server | undefined;
try {
  const live = await fetch(server.url + pagePath);
  if (!live.ok) throw new Error(`${pagePath}: ${live.status}`);
  const html = await live.text();
  const headers: Record<string, string> = {};
  live.headers.forEach((value, name) => {
    if (!bodyHeaders.has(name)) headers[name] = value;
  });
  const controls: Record<string, Buffer> = {
    "/control/plain": gzipSync(PLAIN),
    "/control/no-script": gzipSync(withoutScripts(html)),
    "/control/static": gzipSync(html),
  };

  proxy = http.createServer((req, res) => {
    const body = controls[req.url ?? ""];
    if (body) {
      res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": body.length });
      res.end(body);
      return;
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy!.listen(0, "127.0.0.1", resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  const variants: [name: string, url: string][] = [
    ["plain", `${proxyUrl}/control/plain`],
    ["no-script", `${proxyUrl}/control/no-script`],
    ["static", `${proxyUrl}/control/static`],
    ["live", proxyUrl + pagePath],
  ];
  const reports = new Map<string, Report[]>(variants.map(([name]) => [name, []]));
  for (let run = 0; run < RUNS; run++) {
    for (const [name, url] of variants) reports.get(name)!.push(await lighthouse(url));
  }

  const range = (rs: Report[], figure: (r: Report) => number) => {
    const values = rs.map(figure);
    return `${Math.round(median(values))} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
  };
  console.log(`${pageName} (${pagePath}), median (range) of ${RUNS} runs each, alternating:\n`);
  console.log("| variant | performance | FCP ms | LCP ms | TBT ms |\n|---|---|---|---|---|");
  for (const [name] of variants) {
    const rs = reports.get(name)!;
    console.log(
      `| ${name} | ${range(rs, (r) => r.categories.performance.score * 100)} | ${Math.round(audit(rs, "first-contentful-paint"))} | ${Math.round(audit(rs, "largest-contentful-paint"))} | ${range(rs, (r) => r.audits["total-blocking-time"]?.numericValue ?? NaN)} |`,
    );
  }
  const all = [...reports.values()].flat();
  console.log(`\nbenchmarkIndex (median of every run): ${Math.round(median(all.map((r) => r.environment.benchmarkIndex)))}`);
} finally {
  proxy?.close();
  await server.cleanup();
}
