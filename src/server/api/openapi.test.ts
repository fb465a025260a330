import "server-only";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

// The document must not drift from the route files: every documented path and method has a
// handler, and every handler under app/api/v1 is documented.
const apiRoot = path.resolve(__dirname, "../../app/api/v1");

type RouteFile = { segments: string[]; methods: string[] };
function routeFiles(dir: string, segments: string[] = []): RouteFile[] {
  const out: RouteFile[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...routeFiles(full, [...segments, name]));
    else if (name === "route.ts") {
      const source = readFileSync(full, "utf8");
      const methods = [...source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
      out.push({ segments, methods });
    }
  }
  return out;
}

/** The route file a concrete documented path is served by (static segments before dynamic). */
function resolve(files: RouteFile[], docPath: string): RouteFile | undefined {
  const parts = docPath.split("/").filter(Boolean);
  const matches = files.filter((f) => f.segments.length === parts.length && f.segments.every((s, i) => s.startsWith("[") || s === parts[i]));
  const staticCount = (f: RouteFile) => f.segments.filter((s) => !s.startsWith("[")).length;
  return matches.sort((a, b) => staticCount(b) - staticCount(a))[0];
}

describe("OpenAPI document", () => {
  const doc = openApiDocument("https://news.example");
  const files = routeFiles(apiRoot);

  it("is OpenAPI 3.1 with the error shape", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.schemas.Error.properties.error.required).toEqual(["code", "message"]);
  });

  it("documents only paths and methods that have handlers", () => {
    for (const [docPath, item] of Object.entries(doc.paths)) {
      const file = resolve(files, docPath.replace(/\{[^}]+\}/g, "x"));
      expect(file, `no route file serves ${docPath}`).toBeDefined();
      for (const method of Object.keys(item)) expect(file!.methods, `${method.toUpperCase()} ${docPath}`).toContain(method);
    }
  });

  it("documents every handler", () => {
    const documented = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => ({ file: resolve(files, p.replace(/\{[^}]+\}/g, "x")), m })));
    for (const file of files) {
      if (file.segments[0] === "openapi.json") continue;
      for (const method of file.methods) {
        const covered = documented.some((d) => d.file === file && d.m === method);
        expect(covered, `${method.toUpperCase()} /${file.segments.join("/")} is not documented`).toBe(true);
      }
    }
  });

  it("takes request bodies from the handlers' zod schemas", () => {
    const patch = doc.paths["/articles/{id}"].patch.requestBody.content["application/json"].schema as { required?: string[]; properties: Record<string, unknown>; additionalProperties?: boolean };
    expect(patch.required).toEqual(["version"]);
    expect(Object.keys(patch.properties)).toEqual(expect.arrayContaining(["headline", "body", "slug", "version"]));
    expect(patch.additionalProperties).toBe(false);
  });
});
