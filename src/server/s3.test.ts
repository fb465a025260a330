import "server-only";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3Get, s3Put, signV4, type S3Config } from "./s3";

describe("AWS Signature Version 4", () => {
  // The "GET Object" example of AWS's Signature Version 4 documentation (S3 API reference,
  // "Examples: Signature Calculations in AWS Signature Version 4"), signature as published.
  it("matches AWS's published example", () => {
    const headers = signV4({
      method: "GET",
      host: "examplebucket.s3.amazonaws.com",
      path: "/test.txt",
      headers: { range: "bytes=0-9" },
      payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      date: new Date("2013-05-24T00:00:00Z"),
      region: "us-east-1",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    });
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });
});

describe("s3Put / s3Get against an S3-compatible endpoint", () => {
  // A stand-in bucket over HTTP that keeps objects in memory and refuses unsigned requests.
  const objects = new Map<string, { body: Buffer; type: string }>();
  const seen: IncomingMessage[] = [];
  const server = createServer(async (req, res) => {
    seen.push(req);
    if (!String(req.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256 Credential=test-key/")) {
      res.writeHead(403).end("unsigned");
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === "PUT") {
      objects.set(req.url!, { body: Buffer.concat(chunks), type: String(req.headers["content-type"]) });
      res.writeHead(200).end();
    } else {
      const found = objects.get(req.url!);
      if (!found) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": found.type }).end(found.body);
    }
  });
  let config: S3Config;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    config = { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, region: "auto", bucket: "media", accessKeyId: "test-key", secretAccessKey: "secret" };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("stores and reads back objects under path-style keys, and answers null for a missing one", async () => {
    const data = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]);
    await s3Put(config, "uploads/2026/11/abc.jpg", data, "image/jpeg");
    expect(objects.get("/media/uploads/2026/11/abc.jpg")).toEqual({ body: data, type: "image/jpeg" });
    expect(await s3Get(config, "uploads/2026/11/abc.jpg")).toEqual(data);
    expect(await s3Get(config, "uploads/none.jpg")).toBeNull();
    expect(seen.every((r) => r.headers["x-amz-content-sha256"] && r.headers["x-amz-date"])).toBe(true);
  });

  it("fails loudly when the service refuses", async () => {
    await expect(s3Put({ ...config, accessKeyId: "wrong" }, "x.jpg", Buffer.from("x"), "image/jpeg")).rejects.toThrow(/403/);
  });
});
