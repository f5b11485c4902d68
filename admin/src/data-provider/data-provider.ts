import type { ApolloClient } from '@apollo/client';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { HttpError, type CreateParams, type DataProvider, type DeleteParams, type GetListParams, type RaRecord, type UpdateParams } from 'react-admin';
import { rememberShownOnce } from '../actions/shown-once-store.ts';
import { toHttpError } from '../api/errors.ts';
import type { ResourceCatalog, ResourceDescription } from '../schema/resources.ts';
import { apiFilter, apiOrderBy, createInput, updateInput } from './api-arguments.ts';
import { buildOperations, type ResourceOperations } from './operations.ts';

type Data = Record<string, unknown>;
type Connection = { nodes: RaRecord[]; totalCount: number };

/** The API caps every page at 100 rows. */
const MAX_PAGE = 100;

const unsupported = (resource: string, action: string) => new HttpError(`The API cannot ${action} ${resource} records`, 405);

/**
 * react-admin's data provider over the API conventions (ARCHITECTURE.md §4): lists are `xs(filter, orderBy,
 * first, offset) { nodes totalCount }`, records `x(id)`, writes `createX`/`updateX`/`deleteX`/`deleteXs`.
 */
export function createDataProvider(client: ApolloClient<unknown>, schema: GraphQLSchema, catalog: ResourceCatalog): DataProvider {
  const operations = new Map([...catalog.values()].map((resource) => [resource.name, buildOperations(schema, resource, catalog)]));

  function resourceOf(name: string): { resource: ResourceDescription; documents: ResourceOperations } {
    const resource = catalog.get(name);
    const documents = operations.get(name);
    if (!resource || !documents) throw new Error(`The API has no resource ${name}`);
    return { resource, documents };
  }

  async function query(document: DocumentNode, variables: Data, signal?: AbortSignal): Promise<Data> {
    try {
      const { data } = await client.query<Data>({ query: document, variables, context: { fetchOptions: { signal } } });
      return data;
    } catch (error) {
      throw toHttpError(error);
    }
  }

  async function mutate(document: DocumentNode, variables: Data): Promise<Data> {
    try {
      const { data } = await client.mutate<Data>({ mutation: document, variables });
      if (!data) throw new Error('The API answered without data');
      return data;
    } catch (error) {
      throw toHttpError(error);
    }
  }

  async function list(name: string, params: GetListParams, condition?: Data) {
    const { resource, documents } = resourceOf(name);
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    const data = await query(
      documents.list,
      {
        filter: { ...apiFilter(resource, params.filter), ...condition },
        orderBy: apiOrderBy(resource, params.sort),
        first: perPage,
        offset: (page - 1) * perPage,
      },
      params.signal,
    );
    const connection = data[resource.listQuery] as Connection;
    return { data: connection.nodes, total: connection.totalCount };
  }

  async function one(name: string, id: RaRecord['id'], signal?: AbortSignal): Promise<RaRecord> {
    const { resource, documents } = resourceOf(name);
    const record = (await query(documents.one, { id }, signal))[resource.oneQuery] as RaRecord | null;
    if (!record) throw new HttpError(`${name} ${id} was not found`, 404);
    return record;
  }

  return {
    getList: async <RecordType extends RaRecord>(name: string, params: GetListParams) => {
      const { data, total } = await list(name, params);
      return { data: data as RecordType[], total };
    },

    getOne: async <RecordType extends RaRecord>(name: string, { id, signal }: { id: RaRecord['id']; signal?: AbortSignal }) => ({
      data: (await one(name, id, signal)) as RecordType,
    }),

    getMany: async <RecordType extends RaRecord>(name: string, { ids, signal }: { ids: RaRecord['id'][]; signal?: AbortSignal }) => {
      const { resource } = resourceOf(name);
      const records = resource.filtersById
        ? (await list(name, { pagination: { page: 1, perPage: MAX_PAGE }, signal }, { id: { in: ids } })).data
        : await Promise.all(ids.map((id) => one(name, id, signal)));
      return { data: records as RecordType[] };
    },

    getManyReference: async <RecordType extends RaRecord>(name: string, { target, id, ...params }: GetListParams & { target: string; id: RaRecord['id'] }) => {
      const { data, total } = await list(name, params, { [target]: { eq: id } });
      return { data: data as RecordType[], total };
    },

    create: async <RecordType extends RaRecord>(name: string, { data }: CreateParams) => {
      const { resource, documents } = resourceOf(name);
      if (!resource.create || !documents.create) throw unsupported(name, 'create');
      const result = await mutate(documents.create, { input: createInput(resource.create, data as Data) });
      const created = result[resource.create.mutation] as Data;
      const { shownOnce } = resource.create;
      if (!shownOnce) return { data: created as RecordType };
      // the key or secret shown once goes to the record's page, never into react-admin's cache
      const record = created[shownOnce.record] as RecordType;
      rememberShownOnce(name, record.id, Object.fromEntries(shownOnce.values.map((value) => [value, String(created[value])])));
      return { data: record };
    },

    update: async <RecordType extends RaRecord>(name: string, { id, data, previousData }: UpdateParams) => {
      const { resource, documents } = resourceOf(name);
      if (!resource.update || !documents.update) throw unsupported(name, 'update');
      const result = await mutate(documents.update, { id, input: updateInput(resource.update, data as Data, previousData as Data) });
      return { data: result[resource.update.mutation] as RecordType };
    },

    updateMany: async (name) => {
      throw unsupported(name, 'update many');
    },

    delete: async <RecordType extends RaRecord>(name: string, { id, previousData }: DeleteParams) => {
      const { resource, documents } = resourceOf(name);
      if (!resource.deleteOne || !documents.deleteOne) throw unsupported(name, 'delete');
      await mutate(documents.deleteOne, { id });
      return { data: (previousData ?? { id }) as RecordType };
    },

    deleteMany: async (name, { ids }) => {
      const { resource, documents } = resourceOf(name);
      if (!resource.deleteMany || !documents.deleteMany) throw unsupported(name, 'delete');
      const result = await mutate(documents.deleteMany, { ids });
      return { data: result[resource.deleteMany] as RaRecord['id'][] };
    },
  };
}
