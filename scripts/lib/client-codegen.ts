import { generate } from '@graphql-codegen/cli';
import { codegenRuns } from '../../codegen.ts';

export interface GeneratedFile {
  /** Relative to the repository root, e.g. `admin/src/generated/operations.ts`. */
  filename: string;
  content: string;
}

/**
 * The clients' artefacts of codegen.ts generated from `apiSdl` (the API schema just composed, or a copy in a
 * test). Fails, naming the document file, line and field, when an admin document asks for something the
 * schema does not have: that is how a removed field breaks `npm test` rather than the admin at run time.
 */
export async function generateClientFiles(apiSdl: string): Promise<GeneratedFile[]> {
  try {
    const files: GeneratedFile[] = [];
    for (const run of codegenRuns) files.push(...((await generate({ ...run, schema: apiSdl, silent: true }, false)) as GeneratedFile[]));
    return files;
  } catch (error) {
    const reasons =
      error instanceof AggregateError ? error.errors.map((each: unknown) => (each instanceof Error ? each.message : String(each))) : [String(error)];
    throw new Error(`The admin's GraphQL documents do not match the API schema:\n${reasons.join('\n')}`, { cause: error });
  }
}
