import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Kind, parse, print, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { generateClientFiles } from '../../scripts/lib/client-codegen.ts';

const root = join(import.meta.dirname, '..', '..');
const adminSource = join(root, 'admin', 'src');
const apiSdl = readFileSync(join(root, 'schema', 'api.graphql'), 'utf8');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));

/** The API schema without `type.field`, as if a subgraph had dropped it. */
function withoutField(sdl: string, typeName: string, fieldName: string): string {
  let removed = false;
  const edited = visit(parse(sdl), {
    ObjectTypeDefinition(node) {
      if (node.name.value !== typeName) return undefined;
      removed = true;
      return { ...node, fields: node.fields?.filter((field) => field.name.value !== fieldName) };
    },
  });
  if (!removed) throw new Error(`the API schema has no type ${typeName}`);
  return print(edited);
}

describe("the admin's GraphQL documents", () => {
  it('are named operations of its .graphql files, valid against the API schema and typed in admin/src/generated/operations.ts', async () => {
    const documents = filesUnder(adminSource).filter((file) => file.endsWith('.graphql'));
    expect(documents.length).toBeGreaterThanOrEqual(5);
    for (const file of documents) {
      for (const definition of parse(readFileSync(join(root, file), 'utf8')).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION) expect(definition.name?.value, `an operation of ${file}`).toMatch(/^Admin[A-Z]/);
      }
    }

    const generated = await generateClientFiles(apiSdl);
    const operations = generated.find((file) => file.filename === 'admin/src/generated/operations.ts');
    expect(operations?.content).toBe(readFileSync(join(adminSource, 'generated', 'operations.ts'), 'utf8'));
    for (const name of ['AdminLogin', 'AdminSignUp', 'AdminIntegrationHealthChanged', 'AdminCalendar', 'AdminWorkOrder', 'AdminCancelWorkOrder']) {
      expect(operations?.content).toContain(`export const ${name}Document =`);
    }
  });

  it.each([
    { lost: 'Vehicle.displayName', document: 'admin/src/work-orders/work-orders.graphql' },
    { lost: 'SyncRun.resumeAt', document: 'admin/src/integrations/integrations.graphql' },
    { lost: 'Session.expiresAt', document: 'admin/src/auth/auth.graphql' },
  ])('fail the generation (so `npm test`), naming the document and the field, when the schema loses $lost', async ({ lost, document }) => {
    const [type, field] = lost.split('.') as [string, string];
    const failure = await generateClientFiles(withoutField(apiSdl, type, field)).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toContain(`Cannot query field "${field}" on type "${type}"`);
    expect(failure).toContain(join(root, document));
  });

  it('are all in .graphql files: no admin source writes one in a string, except the generic ones built from the introspection', () => {
    // these build CRUD, record-verb and settings documents from the schema at run time (README)
    const builtAtRunTime = new Set([
      'admin/src/data-provider/operations.ts',
      'admin/src/actions/domain-actions-data-provider.ts',
      'admin/src/settings/settings-data-provider.ts',
      // the revenue query exists only once the API has invoices: it is built when the schema has them
      'admin/src/dashboard/revenue.ts',
    ]);
    const sources = filesUnder(adminSource).filter((file) => /\.tsx?$/.test(file) && !file.startsWith('admin/src/generated/') && !builtAtRunTime.has(file));
    const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const writingDocuments = sources.filter((file) =>
      /\bgql`|(?<![.\w])parse\(|[`'"]\s*(query|mutation|subscription)\s*[\w({]/.test(withoutComments(readFileSync(join(root, file), 'utf8'))),
    );
    expect(writingDocuments).toEqual([]);
  });
});
