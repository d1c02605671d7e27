import { createServer } from 'node:net';

/**
 * Asks the OS for a free TCP port on 127.0.0.1. The port is released before
 * returning, so another process could take it first; the emulator notices
 * that because moto then exits before it answers.
 */
export function findFreeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() =>
        port ? resolve(port) : reject(new Error('no port assigned')),
      );
    });
  });
}

/** True when nothing listens on 127.0.0.1:port (we could bind it). */
export function isLoopbackPortFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
