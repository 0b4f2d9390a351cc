import { PassThrough, Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "#app/utils/nonce-provider";
import { focusView } from "#app/routes/comparisons.$id/fast-path.server";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  // A number's first view of a comparison: the page of a sibling number with this one's parts (fast-path.server.ts);
  // a crawler's page (rendered whole before it is sent) has its own template.
  const fast = focusView(request, remixContext, nonce, waitForAll);
  const html = fast ? await fast.render(remixContext) : null;
  if (html !== null) {
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    responseHeaders.set("X-Parallax-Render", "focus-template");
    return new Response(html as Uint8Array<ArrayBuffer>, { headers: responseHeaders, status: responseStatusCode });
  }
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          if (fast) {
            // Kept whole, as the template of this view's sibling numbers.
            const chunks: Buffer[] = [];
            const keep = new Transform({
              transform(chunk: Buffer, _enc, done) {
                chunks.push(chunk);
                done(null, chunk);
              },
              flush(done) {
                if (responseStatusCode === 200) fast.keep(Buffer.concat(chunks).toString("utf8"));
                else fast.release();
                done();
              },
            });
            keep.pipe(body);
            pipe(keep);
          } else pipe(body);
        },
        onShellError(error: unknown) {
          fast?.release();
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
