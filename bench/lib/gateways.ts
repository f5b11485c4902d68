import { fork } from 'node:child_process';
import { join } from 'node:path';

export type GatewayKind = 'ours' | 'apollo';

export interface ForkedGateway {
  kind: GatewayKind;
  url: string;
  /** CPU time (ms) the gateway's process has used so far. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts a gateway in a child process (bench/lib/gateway-process.ts) in front of the given subgraphs. */
export async function forkGateway(kind: GatewayKind, subgraphUrls: Record<string, string>): Promise<ForkedGateway> {
  const child = fork(join(import.meta.dirname, 'gateway-process.ts'), {
    // BENCH_CPU_PROF=<dir>: a CPU profile of each gateway process, written when it stops
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`, `--cpu-prof-name=${kind}.cpuprofile`] : []),
    ],
    env: { ...process.env, BENCH_GATEWAY: kind, BENCH_SUBGRAPH_URLS: JSON.stringify(subgraphUrls) },
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the ${kind} gateway exited (${code})`))));
  exited.catch(() => undefined);
  const next = <T>(key: string) =>
    Promise.race([
      new Promise<T>((resolve) => {
        const listener = (message: Record<string, unknown>) => {
          if (!(key in message)) return;
          child.off('message', listener);
          resolve(message[key] as T);
        };
        child.on('message', listener);
      }),
      exited,
    ]);
  const url = await next<string>('url');
  return {
    kind,
    url,
    cpuMs: async () => {
      const answer = next<NodeJS.CpuUsage>('cpu');
      child.send('cpu');
      const { user, system } = await answer;
      return (user + system) / 1000;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('stop');
      await gone;
    },
  };
}
