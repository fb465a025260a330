// Preloaded into the Next.js server by the launcher (NODE_OPTIONS=--import). Next.js passes a
// client's own X-Forwarded-For through unchanged, so without a proxy in front the real peer
// address would be unknowable to route handlers. This records the socket's address in a header
// of our own on every request, overwriting whatever a client sent under that name.
import http from "node:http";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  if (event === "request" && req && req.headers) {
    req.headers["x-peer-address"] = req.socket?.remoteAddress ?? "";
  }
  return emit.call(this, event, req, ...rest);
};
