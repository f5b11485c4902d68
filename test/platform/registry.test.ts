import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { subgraphUrlsFor } from '@atelier/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { deployFiles, root, workspaceFolders } from '../../scripts/lib/deploy-files.ts';
import { subgraphs } from '../../scripts/lib/subgraphs.ts';
import { subgraphNames, subgraphPorts } from '../../subgraphs/registry.ts';

const read = (file: string) => readFileSync(join(root, file), 'utf8');
const sorted = (names: Iterable<string>) => [...names].sort();

/** The services of docker-compose.yml with their lines: each is a two-space-indented key under `services:`. */
function composeServices(): Map<string, string> {
  const body =
    read('docker-compose.yml')
      .split(/^services:\n/m)[1]
      ?.split(/^\S/m)[0] ?? '';
  return new Map([...body.matchAll(/^ {2}([\w-]+):\n((?: {4}.*\n|\n)*)/gm)].map(([, name, lines]) => [name ?? '', lines ?? '']));
}

describe('the subgraph registry (subgraphs/registry.ts)', () => {
  afterEach(() => {
    delete process.env.CRM_URL;
    delete process.env.WORKSHOP_PORT;
  });

  it('names every subgraph folder, and package.json makes each a workspace', () => {
    const folders = workspaceFolders();
    const subgraphFolders = folders.filter((folder) => folder.startsWith('subgraphs/') && folder !== 'subgraphs/shared');
    expect(sorted(subgraphFolders)).toEqual(sorted(subgraphNames.map((name) => `subgraphs/${name}`)));
    expect(folders).toContain('subgraphs/shared');
  });

  it('has a definition for each subgraph, in its order and under its name', () => {
    expect(Object.keys(subgraphs)).toEqual(subgraphNames);
    for (const [key, subgraph] of Object.entries(subgraphs)) expect(subgraph.name).toBe(key);
    expect(new Set(Object.values(subgraphPorts)).size).toBe(subgraphNames.length);
  });

  it('is where the gateway finds each subgraph: <NAME>_URL, else localhost on <NAME>_PORT or the registry port', () => {
    expect(read('gateway/src/main.ts')).toContain('subgraphUrlsFor(subgraphPorts)');
    process.env.CRM_URL = 'http://crm.internal:9000/graphql';
    process.env.WORKSHOP_PORT = '9103';
    expect(subgraphUrlsFor(subgraphPorts)).toEqual({
      ...Object.fromEntries(subgraphNames.map((name) => [name, `http://127.0.0.1:${subgraphPorts[name]}/graphql`])),
      crm: 'http://crm.internal:9000/graphql',
      workshop: 'http://127.0.0.1:9103/graphql',
    });
  });

  it('is the list of docker-compose.yml services, and of the subgraphs the gateway service reaches and waits for', () => {
    const services = composeServices();
    expect(sorted(services.keys())).toEqual(sorted([...subgraphNames, 'postgres', 'gateway', 'admin']));
    const gateway = services.get('gateway') ?? '';
    for (const name of subgraphNames) {
      const port = subgraphPorts[name];
      expect(services.get(name)).toContain(`SERVICE: ${name}, ${name.toUpperCase()}_PORT: "${port}"`);
      expect(services.get(name)).toContain(`http://127.0.0.1:${port}/readyz`);
      expect(gateway).toContain(`${name.toUpperCase()}_URL: http://${name}:${port}/graphql`);
      expect(gateway).toContain(`${name}: { condition: service_healthy }`);
    }
    expect(gateway.match(/_URL:/g)).toHaveLength(subgraphNames.length);
  });

  it("is the list of the Dockerfile: every workspace's package.json is copied before npm ci, every subgraph is a SERVICE", () => {
    const dockerfile = read('Dockerfile');
    const copied = [...dockerfile.matchAll(/^COPY (\S+)\/package\.json \1\/$/gm)].map(([, folder]) => folder);
    expect(sorted(copied)).toEqual(sorted(workspaceFolders()));
    expect(dockerfile).toContain(`# SERVICE: ${[...subgraphNames, 'gateway', 'admin'].join(' | ')}\n`);
  });

  it('leaves no deployment file stale (npm run generate:deploy; npm run check:schema checks it too)', () => {
    for (const { file, current, generated } of deployFiles()) expect(current, `${file} is stale: npm run generate:deploy`).toBe(generated);
  });
});
