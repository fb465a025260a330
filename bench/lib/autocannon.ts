/**
 * autocannon as every benchmark here uses it: reading each response to its last byte, but not
 * keeping the body as a string.
 *
 * autocannon 9 appends every chunk of every response body to a JavaScript string
 * (`req.body += data`, lib/pipelinedRequestsQueue.js): a UTF-8 decode of every byte received, only
 * so that `expectBody`, `verifyBody` and `onResponse` can see it, and no benchmark here asks for
 * the body. Text that is all ASCII decodes on a fast path; compressed bodies and text with curly
 * quotes do not, and on these two cores the load generator then costs more than the server. Seen
 * 2026-12-06 with a bare Node.js `http` server writing one buffer from memory, 50 connections:
 * 43 KB of `a` at 24,700 req/s, 43 KB of random bytes at 1,530, 43 KB of the feed's brotli at
 * 1,760; with the body not kept, the random bytes at 19,900. Our own feed (the same 43 KB) went
 * from 1,690 to 5,930 req/s, so what the reader benchmark reported for its byte-heavy pages was
 * autocannon's decoding, not the server.
 *
 * The bytes still come through the parser and are counted (`throughput`); only the string is not
 * built. `onResponse` callbacks get an empty body. AUTOCANNON_BODIES=1 keeps autocannon as it
 * ships, to compare.
 */
import { createRequire } from "node:module";
import autocannon from "autocannon";

const require = createRequire(import.meta.url);
const Queue = require("autocannon/lib/pipelinedRequestsQueue.js") as { prototype: { addBody?: (data: unknown) => void } };

if (typeof Queue.prototype.addBody !== "function") {
  // A later autocannon keeps bodies some other way: measuring on would measure it, unnoticed.
  throw new Error("autocannon's pipelinedRequestsQueue has no addBody: see bench/lib/autocannon.ts");
}
/** Whether response bodies are kept as strings (autocannon as it ships) in this run. */
export const bodiesKept = process.env.AUTOCANNON_BODIES === "1";
if (!bodiesKept) Queue.prototype.addBody = () => {};

export default autocannon;
