import { createServer } from 'vite';
import { adminConfig } from './vite.config.ts';

export interface RunningAdmin {
  url: string;
  stop(): Promise<void>;
}

/** Serves the admin with Vite's dev server, proxying `/graphql` (HTTP and WebSocket) to the gateway. */
export async function startAdmin(options: { port: number; gatewayUrl: string; host?: string }): Promise<RunningAdmin> {
  const config = adminConfig(options.gatewayUrl);
  const server = await createServer({
    ...config,
    configFile: false,
    clearScreen: false,
    logLevel: 'warn',
    server: { ...config.server, port: options.port, host: options.host ?? '127.0.0.1', strictPort: true },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the admin dev server has no local URL');
  return { url, stop: () => server.close() };
}
