import { Agent, request } from 'node:http';

export interface Answer {
  status: number;
  body: string;
}

/** One POST of a GraphQL body; the answer's bytes as they came, less a final newline (Apollo Server ends its JSON with one). */
export function post(url: string, body: string, headers: Record<string, string>, agent?: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } });
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').trimEnd() }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Requests completed in `durationMs` by `concurrency` clients in a loop over kept-alive connections (a
 * light client: node:http, so the load costs less CPU than the servers under test). Every answer must
 * be `expected`, byte for byte: a fast wrong answer counts for nothing.
 */
export async function load(options: { url: string; body: string; headers: Record<string, string>; expected: string; concurrency: number; durationMs: number }) {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const deadline = Date.now() + options.durationMs;
  let completed = 0;
  try {
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (Date.now() < deadline) {
          const answer = await post(options.url, options.body, options.headers, agent);
          if (answer.status !== 200 || answer.body !== options.expected) throw new Error(`a different answer (${answer.status}): ${answer.body.slice(0, 300)}`);
          completed++;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return completed;
}
