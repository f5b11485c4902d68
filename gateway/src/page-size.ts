import { badUserInput, checkPageArgs, type FieldError } from '@atelier/kit';
import { Kind, visit, type DocumentNode } from 'graphql';
import { type GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** Literal page sizes the subgraphs would refuse (`first: 1000000`), with the field path they were given on. */
function pageSizeErrors(document: DocumentNode): FieldError[] {
  const errors: FieldError[] = [];
  visit(document, {
    Field(field) {
      const first = field.arguments?.find((argument) => argument.name.value === 'first');
      if (first?.value.kind !== Kind.INT) return;
      for (const error of checkPageArgs({ first: Number(first.value.value) })) errors.push({ ...error, message: `${error.message} (on ${field.name.value})` });
    },
  });
  return errors;
}

/**
 * The cost limit multiplies a list's cost by its literal `first`, so a huge page size would be reported
 * as a cost problem. It is bad input, answered as the subgraphs answer it, before any cost is computed.
 */
export const usePageSizeLimit: GatewayPlugin = {
  onValidate({ params, setResult }) {
    const errors = pageSizeErrors(params.documentAST);
    if (errors.length) setResult([badUserInput(errors)]);
  },
};
