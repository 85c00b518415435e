/**
 * The OAuth application's side for the consent page's browser test: a tiny HTTP server on
 * loopback that stands in for the application's redirect URI, records the query of every visit
 * (the `code` and `state`, or the `error`) and answers a plain page.
 */
import { createServer, type Server } from 'node:http';

export interface RedirectReceiver {
  /** `http://127.0.0.1:<port>` (the application's host). */
  readonly origin: string;
  /** The redirect URI to register: `<origin>/callback`. */
  readonly redirectUri: string;
  /** The query of each visit to the redirect URI, in order. */
  readonly received: readonly URLSearchParams[];
  readonly close: () => Promise<void>;
}

export const startRedirectReceiver = async (): Promise<RedirectReceiver> => {
  const received: URLSearchParams[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/callback') received.push(url.searchParams);
    const body =
      url.pathname === '/callback'
        ? '<!doctype html><html lang="en"><title>Received</title><h1>Received</h1></html>'
        : '<!doctype html><html lang="en"><title>Example application</title><h1>App</h1></html>';
    response.writeHead(url.pathname === '/callback' || url.pathname === '/' ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const origin = `http://127.0.0.1:${String(port)}`;
  return {
    origin,
    redirectUri: `${origin}/callback`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
};
