import { createServer } from 'node:net';

/** A port that was free a moment ago and that nothing listens on now: for "the server is not there" cases. */
export async function freePortNobodyListensOn(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
