import { envInt } from '@atelier/kit';
import { type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';

/** `MAX_REQUEST_BYTES`: the largest HTTP body or WebSocket message the gateway reads (1 MiB by default). */
export const maxRequestBytesFromEnvironment = () => envInt('MAX_REQUEST_BYTES', 1024 * 1024);

const tooLarge = (limit: number) =>
  new GraphQLError(`The request is larger than the ${limit} bytes the API accepts`, {
    extensions: { code: 'PAYLOAD_TOO_LARGE', maximum: limit, http: { status: 413 } },
  });

/**
 * Refuses HTTP bodies over `limit` bytes with 413 before they are parsed: by `Content-Length` at once, and
 * for chunked bodies (no length) by counting while they stream in, so a huge body is never held in memory.
 */
export function useRequestSizeLimit(limit: number): GatewayPlugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
      if (!requestParser || !request.body) return;
      // a native stream needs the native TransformStream (graphql-yoga does the same for its own limit)
      const Transform = request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
      let read = 0;
      const counted = request.body.pipeThrough(
        new Transform<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            read += chunk.byteLength;
            if (read > limit) controller.error(tooLarge(limit));
            else controller.enqueue(chunk);
          },
        }),
      );
      const parse = requestParser;
      setRequestParser(() =>
        parse(
          new fetchAPI.Request(request.url, {
            method: request.method,
            headers: request.headers,
            signal: request.signal,
            body: counted,
            duplex: 'half',
          } as RequestInit),
        ),
      );
    },
  };
}
