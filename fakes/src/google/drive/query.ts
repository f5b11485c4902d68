import { invalid } from '../errors.ts';
import { type DriveFile } from './files.ts';

type Token = { kind: 'string'; value: string } | { kind: 'word'; value: string } | { kind: 'symbol'; value: string };
export type FilePredicate = (file: DriveFile) => boolean;

const TOKEN = /\s*(?:'((?:[^'\\]|\\.)*)'|([A-Za-z_][\w.]*)|(!=|<=|>=|[=<>(){}]))/y;

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < q.trimEnd().length) {
    const match = TOKEN.exec(q);
    if (!match) throw invalid('Invalid Value', 'q');
    if (match[1] !== undefined) tokens.push({ kind: 'string', value: match[1].replace(/\\(.)/g, '$1') });
    else if (match[2] !== undefined) tokens.push({ kind: 'word', value: match[2] });
    else tokens.push({ kind: 'symbol', value: match[3] as string });
  }
  return tokens;
}

const TEXT_FIELDS: Record<string, (file: DriveFile) => string> = {
  name: (file) => file.name,
  mimeType: (file) => file.mimeType,
  fullText: (file) => `${file.name} ${file.description ?? ''}`,
  modifiedTime: (file) => file.modifiedTime,
  createdTime: (file) => file.createdTime,
};

function compare(actual: string, operator: string, expected: string, field: string): boolean {
  const [left, right] = field.endsWith('Time') ? [actual, new Date(expected).toISOString()] : [actual, expected];
  switch (operator) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case 'contains':
      return left.toLowerCase().includes(right.toLowerCase());
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      throw invalid('Invalid Value', 'q');
  }
}

/**
 * Drive's `q` search syntax, the part apps use to find their own files: `name`, `mimeType`, `fullText`,
 * times, `trashed`, `'<id>' in parents|owners`, `appProperties has { key='k' and value='v' }`,
 * combined with `and`, `or`, `not` and parentheses. `'root'` means the user's My Drive.
 */
export function parseDriveQuery(q: string, rootId: string): FilePredicate {
  const tokens = tokenize(q);
  let at = 0;
  const peek = () => tokens[at];
  const fail = () => invalid('Invalid Value', 'q');
  const take = (kind?: Token['kind'], value?: string): Token => {
    const token = tokens[at];
    if (!token || (kind && token.kind !== kind) || (value !== undefined && token.value !== value)) throw fail();
    at++;
    return token;
  };
  const isWord = (value: string) => peek()?.kind === 'word' && peek()?.value === value;

  const condition = (): FilePredicate => {
    const first = take();
    if (first.kind === 'string') {
      take('word', 'in');
      const collection = take('word').value;
      const id = first.value === 'root' ? rootId : first.value;
      if (collection === 'parents') return (file) => file.parents.includes(id);
      if (collection === 'owners') return (file) => file.ownerEmail === first.value;
      if (collection === 'writers' || collection === 'readers') return (file) => file.permissions.some((permission) => permission.emailAddress === first.value);
      throw fail();
    }
    if (first.kind !== 'word') throw fail();
    if (first.value === 'appProperties' || first.value === 'properties') {
      take('word', 'has');
      take('symbol', '{');
      take('word', 'key');
      take('symbol', '=');
      const key = take('string').value;
      take('word', 'and');
      take('word', 'value');
      take('symbol', '=');
      const value = take('string').value;
      take('symbol', '}');
      const bag = first.value === 'appProperties' ? 'appProperties' : 'properties';
      return (file) => file[bag][key] === value;
    }
    const operator = take().value;
    const expected = take();
    if (first.value === 'trashed' || first.value === 'starred') {
      if (expected.kind !== 'word' || !['true', 'false'].includes(expected.value) || !['=', '!='].includes(operator)) throw fail();
      const wanted = (expected.value === 'true') === (operator === '=');
      return (file) => (first.value === 'trashed' ? file.trashed : false) === wanted;
    }
    const field = TEXT_FIELDS[first.value];
    if (!field || expected.kind !== 'string') throw fail();
    return (file) => compare(field(file), operator, expected.value, first.value);
  };
  const unary = (): FilePredicate => {
    if (isWord('not')) {
      at++;
      const inner = unary();
      return (file) => !inner(file);
    }
    if (peek()?.kind === 'symbol' && peek()?.value === '(') {
      at++;
      const inner = disjunction();
      take('symbol', ')');
      return inner;
    }
    return condition();
  };
  const conjunction = (): FilePredicate => {
    const parts = [unary()];
    while (isWord('and')) {
      at++;
      parts.push(unary());
    }
    return (file) => parts.every((part) => part(file));
  };
  const disjunction = (): FilePredicate => {
    const parts = [conjunction()];
    while (isWord('or')) {
      at++;
      parts.push(conjunction());
    }
    return (file) => parts.some((part) => part(file));
  };

  const predicate = disjunction();
  if (at !== tokens.length) throw fail();
  return predicate;
}
