/**
 * The built admin as its own process, as the admin container runs it (`scripts/serve.ts admin`): the files
 * of admin/dist (`npm run build -w @atelier/admin`) and the same `/graphql` proxy, HTTP and WebSocket, to
 * GATEWAY_URL as in development, through Vite's preview server.
 */
import { preview } from 'vite';
import { adminConfig } from './vite.config.ts';

const config = adminConfig(process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql');
const server = await preview({
  ...config,
  configFile: false,
  preview: { port: Number(process.env.ADMIN_PORT ?? 5173), host: process.env.HOST ?? '127.0.0.1', strictPort: true },
});
server.printUrls();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
