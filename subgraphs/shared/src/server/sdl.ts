import { execute, parse, type GraphQLSchema } from 'graphql';

/** The subgraph's SDL exactly as the gateway sees it through `_service { sdl }`. */
export async function getSubgraphSdl(schema: GraphQLSchema): Promise<string> {
  const result = await execute({ schema, document: parse('{ _service { sdl } }') });
  if (result.errors?.length) throw result.errors[0];
  return (result.data as { _service: { sdl: string } })._service.sdl;
}
