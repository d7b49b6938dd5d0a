/** A stand-in for the network: tests answer each request in `respond`. The
 * API client keeps the fetch it found at start-up, so this one delegates. */
export type Handler = (request: Request) => Response | Promise<Response>;

let handler: Handler = () => new Response(null, { status: 599 });

export function respond(next: Handler) {
  handler = next;
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  Promise.resolve(handler(new Request(input, init)));
