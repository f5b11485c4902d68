import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { StartupError } from '../startup-error.ts';

/**
 * `server.listen` as a promise that also rejects. Node reports a busy port as an `error` event, not to the
 * listen callback, so a bare `new Promise(resolve => server.listen(..., resolve))` never settles and the
 * process hangs; a WebSocket server attached to the HTTP server re-emits that error, so callers give it
 * a listener too.
 */
export function listen(server: Server, options: { port: number; host: string; service: string; portVariable?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const where = `${options.host}:${options.port}`;
      const choose = options.portVariable ? `, or set ${options.portVariable} to another port` : '';
      if (error.code === 'EADDRINUSE')
        reject(new StartupError(`${options.service} cannot listen on ${where}: the port is in use by another process. Stop that process${choose}.`));
      else if (error.code === 'EACCES') reject(new StartupError(`${options.service} is not allowed to listen on ${where}${choose}.`));
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(options.port, options.host);
  });
}
