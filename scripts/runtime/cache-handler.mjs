// The 'use cache' handler (next.config.ts `cacheHandlers.default`): Next.js's in-memory cache,
// shared between instances through Redis when REDIS_URL is set. Loaded by Next.js at run time,
// outside the bundle; plain JavaScript like the rest of the server.
//
// What is shared, and why:
// - Tag expiries. `updateTags` (every revalidateTag) writes the tag's state to a Redis hash and
//   bumps a version; `refreshTags`, which Next.js calls before a request's first cache read, reads
//   the version (one round trip) and, when it moved, the hash, into Next.js's own per-process tags
//   manifest. That manifest is also what Next.js's page (ISR) cache checks, so an edit on one
//   instance expires both kinds of entry on every instance by the next request, with or without
//   the expiry broadcast (src/server/invalidation-bus.ts, which also purges the page cache).
// - Entries. A value computed on one instance is stored in Redis (as long as its revalidate time)
//   and served to the others, so a change is rendered once, not once per instance. Each instance
//   keeps a local copy (LRU by bytes) so a hot entry costs no round trip.
// Entries carry the time they were computed, and tag expiries are times too: an entry computed
// before an expiry is refused wherever it is read. Redis down or slow (250 ms) is a cache miss and
// a logged warning, never a failed request.
// Every lookup that misses is counted as a computation under way (computations.mjs) until its
// new value is stored: until then Next.js lets other requests join it.
import { createHash } from "node:crypto";
import nextTags from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import { computations as processComputations } from "./computations.mjs";
import { logEvent } from "./log.mjs";
import { purgeInstalledPageCache } from "./page-cache.mjs";
import { createFailFastClient, within } from "./redis.mjs";

const ENTRY_PREFIX = "dellboys:use-cache:";
const TAGS_KEY = "dellboys:cache-tags";
const TAGS_VERSION_KEY = "dellboys:cache-tags:version";
const REDIS_TIMEOUT_MS = 250;
const MAX_SHARED_ENTRY_BYTES = 4 * 1024 * 1024;
const TAGS_TTL_SECONDS = 30 * 24 * 3600; // longer than any entry lives

/**
 * @param {{ redisUrl?: string, tagsManifest?: Map<string, { stale?: number, expired?: number }>,
 *   maxLocalBytes?: number, keyPrefix?: string, onExpired?: (applyAgain: () => void, tags: string[]) => void,
 *   computations?: import("./computations.mjs").Computations }} [options]
 * `onExpired` is called after every expiry made in this process, once Next.js has applied it,
 * with a way to apply it again and the tags it expired (by default: the page cache in front of
 * Next.js, page-cache.mjs, which forgets the pages carrying them).
 */
export function createSharedCacheHandler({ redisUrl, tagsManifest = nextTags.tagsManifest, maxLocalBytes = 64 * 1024 * 1024, keyPrefix = "", onExpired = purgeInstalledPageCache, computations = processComputations } = {}) {
  const local = createLru(maxLocalBytes);
  const pendingSets = new Map();
  /** @type {Map<string, Array<() => void>>} lookups that missed: done when their key's new entry is stored */
  const computing = new Map();
  const redis = redisUrl ? connect(redisUrl) : null;
  const entryKey = (cacheKey) => `${keyPrefix}${ENTRY_PREFIX}${createHash("sha256").update(cacheKey).digest("base64url")}`;
  const tagsKey = `${keyPrefix}${TAGS_KEY}`;
  const versionKey = `${keyPrefix}${TAGS_VERSION_KEY}`;
  let tagsVersion = null;

  const isExpired = (tags, timestamp) =>
    tags.some((tag) => {
      const expired = tagsManifest.get(tag)?.expired;
      return typeof expired === "number" && expired <= Date.now() && expired > timestamp;
    });
  /** The latest expiry of any of tags (Next.js's rule for a page's implicit tags). */
  const expiration = (tags) => Math.max(0, ...tags.map((tag) => tagsManifest.get(tag)?.expired ?? 0));
  const isStale = (tags, timestamp) => tags.some((tag) => (tagsManifest.get(tag)?.stale ?? 0) > timestamp);

  async function sharedEntry(cacheKey) {
    if (!redis) return undefined;
    const raw = await redis.call((client) => client.get(entryKey(cacheKey)));
    if (!raw) return undefined;
    const { meta, value } = JSON.parse(raw);
    const stored = { meta, value: Buffer.from(value, "base64") };
    local.set(cacheKey, stored);
    return stored;
  }

  return {
    async get(cacheKey, implicitTags = []) {
      const done = computations.begin(cacheKey.slice(0, 160));
      let found;
      try {
        found = await lookup();
        return found;
      } finally {
        // A value found is served as it is: no computation. (Next.js lets go of it within a few
        // promise callbacks, and it was valid when found.) A miss: Next.js computes the value now
        // and stores it through set(), which is when it stops letting other requests join.
        if (found) done();
        else {
          if (!computing.has(cacheKey)) computing.set(cacheKey, []);
          computing.get(cacheKey).push(done);
        }
      }
      async function lookup() {
        await pendingSets.get(cacheKey);
        const stored = local.get(cacheKey) ?? (await sharedEntry(cacheKey).catch(() => undefined));
        if (!stored) return undefined;
        const { meta, value } = stored;
        // Like Next.js's own in-memory handler: an entry past its revalidate time is a miss (it is
        // recomputed now rather than served stale), and so is one whose tags expired after it was
        // made. So is one made before its page's path was expired (the implicit tags): Next.js
        // would throw it away itself and compute the value, out of this handler's sight.
        if (meta.expire < 0 || Date.now() > meta.timestamp + meta.revalidate * 1000 || isExpired(meta.tags, meta.timestamp)) return undefined;
        if (meta.timestamp <= expiration(implicitTags)) return undefined;
        return { ...meta, revalidate: isStale(meta.tags, meta.timestamp) ? -1 : meta.revalidate, value: streamOf(value) };
      }
    },

    async set(cacheKey, pendingEntry) {
      let done;
      pendingSets.set(cacheKey, new Promise((resolve) => (done = resolve)));
      try {
        const entry = await pendingEntry;
        // expire 0 marks a dynamic value: Next.js recomputes it on every read, never serves it.
        if (entry.expire === 0) return;
        const value = Buffer.from(await new Response(entry.value).arrayBuffer());
        const { value: _stream, ...meta } = entry;
        local.set(cacheKey, { meta, value });
        if (redis && value.byteLength <= MAX_SHARED_ENTRY_BYTES && meta.revalidate > 0) {
          const seconds = Math.max(1, Math.ceil(Math.min(meta.revalidate, Number.isFinite(meta.expire) ? meta.expire : meta.revalidate)));
          await redis.call((client) => client.set(entryKey(cacheKey), JSON.stringify({ meta, value: value.toString("base64") }), { EX: seconds }));
        }
      } catch {
        // An interrupted render or an unreachable Redis: nothing stored, the next read recomputes.
      } finally {
        done();
        pendingSets.delete(cacheKey);
        for (const computed of computing.get(cacheKey) ?? []) computed();
        computing.delete(cacheKey);
      }
    },

    async refreshTags() {
      if (!redis) return;
      try {
        const version = await redis.call((client) => client.get(versionKey));
        if (version === tagsVersion) return;
        const shared = await redis.call((client) => client.hGetAll(tagsKey));
        for (const [tag, json] of Object.entries(shared)) mergeTagState(tagsManifest, tag, JSON.parse(json));
        tagsVersion = version;
      } catch {
        // Serve with what this instance knows; the expiry broadcast and cache lifetimes cover the gap.
      }
    },

    async getExpiration(tags) {
      return expiration(tags);
    },

    async updateTags(tags, durations) {
      const apply = () => {
        const now = Date.now();
        for (const tag of tags) {
          const state = { ...tagsManifest.get(tag) };
          if (durations) {
            state.stale = now;
            if (durations.expire !== undefined) state.expired = now + durations.expire * 1000;
          } else {
            state.expired = now;
          }
          tagsManifest.set(tag, state);
        }
      };
      apply();
      // Now the change takes effect in Next.js (at the end of the action or route that made it),
      // later than the publishing code's own purge: pages kept in between came from its
      // unexpired caches. (CI: a cleared banner on the front page at the next request.)
      if (tags.length) onExpired(apply, tags);
      if (!redis || !tags.length) return;
      await redis
        .call((client) => {
          const multi = client.multi();
          for (const tag of tags) multi.hSet(tagsKey, tag, JSON.stringify(tagsManifest.get(tag)));
          // A site that stops publishing leaves nothing behind for ever.
          return multi.expire(tagsKey, TAGS_TTL_SECONDS).incr(versionKey).expire(versionKey, TAGS_TTL_SECONDS).exec();
        })
        .catch(() => undefined);
    },

    /** For tests and shutdown. */
    close: () => redis?.close(),
  };
}

/** Another instance's view of a tag, merged into ours: the later time of each kind wins. */
function mergeTagState(manifest, tag, shared) {
  const mine = manifest.get(tag) ?? {};
  const merged = { ...mine };
  for (const field of ["stale", "expired"]) {
    if (typeof shared[field] === "number" && !(mine[field] >= shared[field])) merged[field] = shared[field];
  }
  manifest.set(tag, merged);
}

function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

/** A Map in least-recently-used order, bounded by the bytes of its values. */
function createLru(maxBytes) {
  const entries = new Map();
  let bytes = 0;
  const remove = (key) => {
    const found = entries.get(key);
    if (!found) return;
    bytes -= found.value.byteLength + key.length;
    entries.delete(key);
  };
  return {
    get(key) {
      const found = entries.get(key);
      if (found) {
        entries.delete(key); // to the most recently used end
        entries.set(key, found);
      }
      return found;
    },
    set(key, entry) {
      remove(key);
      if (entry.value.byteLength + key.length > maxBytes) return;
      entries.set(key, entry);
      bytes += entry.value.byteLength + key.length;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    },
  };
}

/** The shared Redis connection: commands given up after REDIS_TIMEOUT_MS, errors logged at most every 10 s. */
function connect(url) {
  const client = createFailFastClient(url, "cache");
  let lastLog = 0;
  const warn = (error) => {
    if (Date.now() - lastLog < 10_000) return;
    lastLog = Date.now();
    logEvent("warn", "cache handler: redis unavailable, using this instance's cache only", { error: error.message });
  };
  client.on("error", warn);
  // Not awaited: while Redis is unreachable the client keeps reconnecting in the background, and
  // every command until then is a miss rather than a wait.
  client.connect().catch(warn);
  return {
    async call(command) {
      if (!client.isReady) throw new Error("redis not connected");
      return within(command(client), REDIS_TIMEOUT_MS, "redis").catch((error) => {
        warn(error);
        throw error;
      });
    },
    // A client still trying to reconnect is dropped at once (close() would wait for it).
    close: async () => (client.isReady ? client.close().catch(() => undefined) : client.isOpen ? client.destroy() : undefined),
  };
}

/**
 * One site's keys: instances of one site share a database, so its URL names them, unless
 * CACHE_NAMESPACE says otherwise (one Redis for sites that look alike, or a database recreated
 * under the same URL: Next.js's keys hold the build, not the data).
 */
function namespace() {
  const name = process.env.CACHE_NAMESPACE || createHash("sha256").update(process.env.DATABASE_URL ?? "").digest("hex").slice(0, 16);
  return `${name}:`;
}

export default createSharedCacheHandler({ redisUrl: process.env.REDIS_URL || undefined, keyPrefix: namespace() });
