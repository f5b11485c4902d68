import { isExpectedError, logger } from '@atelier/kit';
import { type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import { toUserInputError } from './user-input-errors.ts';

/** How the HTTP transport reports a subgraph it could not reach or that did not answer in time. */
const UNREACHABLE_CODES = new Set(['SUBREQUEST_HTTP_ERROR', 'TIMEOUT_ERROR']);

/** Where the runtime says which subgraph was asked and how: the internal shape of the system. */
const INTERNAL_EXTENSIONS = ['serviceName', 'request', 'response', 'stacktrace', 'exception', 'originalError'];

/** graphql-js's hints ("Did you mean "name"?", "… the enum value "OWNER"?") map the schema for a prober. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** graphql-js's words for a variable whose value does not coerce to its type. */
const VARIABLE_ERROR = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" /;

/** Host and port of a machine (IPv4, IPv6, localhost): internal addresses that no answer should show. */
const ADDRESS = /(?:(?:https?|wss?):\/\/)?(?:\b(?:\d{1,3}\.){3}\d{1,3}|\[[0-9a-f:.]+\]|\blocalhost)(?::\d+)?(?:\/[^\s"']*)?/gi;

export interface ErrorMaskingOptions {
  production: boolean;
  /** The subgraphs' runtime URLs: their hosts are hidden from every production answer. */
  subgraphUrls: Record<string, string>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How the gateway's errors reach clients. `maskError`: our own errors pass with their codes; a subgraph that
 * cannot be reached is `UPSTREAM_UNAVAILABLE` naming its part of the API (never its address); anything else
 * unexpected is an internal error. Production also strips what helps only a prober: suggestions, subgraph
 * names, addresses; validation errors do not pass through `maskError`, so `plugin` cleans those.
 */
export function createErrorMasking({ production, subgraphUrls }: ErrorMaskingOptions): {
  maskError: (error: unknown, message: string) => Error;
  plugin: GatewayPlugin;
} {
  const hosts = [...new Set(Object.values(subgraphUrls).map((url) => new URL(url).host))];
  const internalHosts = hosts.length ? new RegExp(`(?:(?:https?|wss?)://)?(?:${hosts.map(escape).join('|')})(?:/[^\\s"']*)?`, 'gi') : undefined;
  const scrub = (text: string) => (internalHosts ? text.replace(internalHosts, '[internal]') : text).replace(ADDRESS, '[internal]').replace(SUGGESTION, '');

  function classify(error: Error, message: string): Error {
    const upstream = unreachableSubgraph(error);
    if (upstream) {
      logger.warn({ subgraph: upstream, reason: error.message }, 'subgraph unreachable');
      return new GraphQLError(`The ${upstream} part of the API is unavailable right now; try again shortly`, {
        path: error instanceof GraphQLError ? error.path : undefined,
        extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      });
    }
    // the query-plan runtime throws bad variables (graphql-js returns them): the same BAD_USER_INPUT either way
    if (error instanceof GraphQLError && VARIABLE_ERROR.test(error.message)) return toUserInputError(error);
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (isExpectedError(error) || isExpectedError(original)) return error;
    if (error instanceof GraphQLError && !error.originalError) return error; // parse and validation errors
    logger.error({ err: original }, 'gateway internal error');
    return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }

  function forPublic<E extends Error>(error: E): E | GraphQLError {
    if (!production || !(error instanceof GraphQLError)) return error;
    const extensions: Record<string, unknown> = { ...error.extensions };
    for (const name of INTERNAL_EXTENSIONS) delete extensions[name];
    if (Array.isArray(extensions.fields)) {
      extensions.fields = (extensions.fields as { field: string; message: string }[]).map((field) => ({ ...field, message: scrub(field.message) }));
    }
    return new GraphQLError(scrub(error.message), { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions });
  }

  return {
    maskError: (error, message) => forPublic(classify(error instanceof Error ? error : new Error(String(error)), message)),
    plugin: {
      onValidate:
        () =>
        ({ valid, result, setResult }) =>
          void (valid || setResult(result.map((error) => forPublic(error) as GraphQLError))),
    },
  };
}

/** The subgraph behind a transport failure (refused, reset, timed out), or undefined for any other error. */
function unreachableSubgraph(error: Error): string | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const { code, serviceName } = error.extensions ?? {};
  return typeof serviceName === 'string' && typeof code === 'string' && UNREACHABLE_CODES.has(code) ? serviceName : undefined;
}
