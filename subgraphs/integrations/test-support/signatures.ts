/**
 * What the e-signature and documents tests share (never used by the product): the DocuSign fake wired in
 * through the environment, a connection made through the gateway, and a look into the PDFs.
 */
import { inflateSync } from 'node:zlib';
import { DOCUSIGN_FAKE_CONNECT_KEY, type DocuSignFake } from '@atelier/fakes';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { expect } from 'vitest';
import { expectData } from '../../../test/support/graphql.ts';
import { type TestOrganization, type TestSystem } from '../../../test/support/system.ts';
import { oauthTestKit } from './oauth.ts';
export { docusignTestEnvironment } from './docusign.ts';
import { docusignApiClient, docusignSdk } from '../src/providers/docusign/docusign-client.ts';

/** The organization connects DocuSign through the gateway; with `connectKey`, the admin also pastes the Connect key. */
export function docusignConnector(system: () => TestSystem, org: () => TestOrganization, fake: () => DocuSignFake) {
  const kit = oauthTestKit(system, org, 'DOCUSIGN');
  return {
    ...kit,
    async connect({ connectKey = true } = {}): Promise<string> {
      expect(await kit.followCallback(fake().approve(await kit.startConnection()))).toMatchObject({ result: 'connected' });
      if (connectKey) await addConnectKey(system(), org());
      return (await kit.connection()).id;
    },
    /** What DocuSign serves for an envelope's document, asked through the SDK with the connection's own token. */
    async documentAtDocuSign(connectionId: string, envelopeId: string, documentId: string): Promise<Buffer> {
      const { tokens, extra } = await kit.secretsOf(connectionId);
      const envelopes = new docusignSdk.EnvelopesApi(docusignApiClient(tokens?.accessToken, extra?.baseUri));
      return Buffer.from(await envelopes.getDocument(extra?.accountId as string, envelopeId, documentId));
    },
  };
}

export const addConnectKey = (system: TestSystem, org: TestOrganization) =>
  expectData(
    system.gatewayUrl,
    `mutation($key: String!) { saveCredentials(provider: DOCUSIGN, credentials: [{ name: "connectKey", value: $key }]) { id } }`,
    { key: DOCUSIGN_FAKE_CONNECT_KEY },
    org,
  );

/** The text lines of a PDF (pdf-lib writes hex strings in Flate-compressed content; the fake, literal strings). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const content = (
      object.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') ? inflateSync(object.contents) : Buffer.from(object.contents)
    ).toString('latin1');
    for (const [, hex] of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) lines.push(Buffer.from(hex as string, 'hex').toString('latin1'));
    for (const [, literal] of content.matchAll(/\(((?:[^()\\]|\\.)*)\)\s*Tj/g)) lines.push(literal as string);
  }
  return lines.join('\n');
}

/** Waits until integrations' projection of the work order (from workshop's events) shows this status and total. */
export const projected = (system: TestSystem, workOrderId: string, total: number, status = 'DRAFT') =>
  expect
    .poll(
      async () =>
        (
          await system.product.subgraphs.integrations.orm.em
            .getConnection()
            .execute(
              `select data->>'status' as status, (data->>'total')::int as total from integrations.synced_records where entity_type = 'workOrder' and internal_id = ?`,
              [workOrderId],
            )
        )[0],
      { timeout: 10_000 },
    )
    .toEqual({ status, total });
