import { QboFault } from './errors.ts';

export interface Condition {
  field: string;
  operator: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'like';
  values: string[];
}

export interface Query {
  entity: string;
  count: boolean;
  /** Selected properties; undefined for `*`. */
  fields?: string[];
  conditions: Condition[];
  orderBy: { field: string; descending: boolean }[];
  /** 1-based, as QBO counts. */
  startPosition: number;
  maxResults: number;
}

const TOKEN = /\s*(?:'((?:[^'\\]|\\.|'')*)'|(-?\d+(?:\.\d+)?)|([A-Za-z_][\w.]*)|(<=|>=|!=|[*,()=<>]))/y;
const MAX_RESULTS = 1000;
const REGEX_SPECIALS = /[.*+?^${}()|[\]\\]/g;

const parseError = (near: string) => new QboFault('4000', 'Error parsing query', `QueryParserError: Encountered " ${near} " at line 1.`);

/** `select * | count(*) | fields from Entity [where c and c …] [orderby f [desc], …] [startposition n] [maxresults n]`. */
export function parseQuery(text: string): Query {
  const tokens: string[] = [];
  const quoted = new Set<number>();
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.trimEnd().length) {
    const match = TOKEN.exec(text);
    if (!match) throw parseError(text.slice(TOKEN.lastIndex).trim().split(/\s/)[0] ?? '');
    if (match[1] !== undefined) quoted.add(tokens.length);
    tokens.push(
      match[1] !== undefined ? match[1].replace(/\\(.)|''/g, (_escape, char?: string) => char ?? "'") : ((match[2] ?? match[3] ?? match[4]) as string),
    );
  }
  let at = 0;
  const peek = () => (quoted.has(at) ? undefined : tokens[at]?.toLowerCase());
  const take = (expected?: string): string => {
    const token = tokens[at];
    if (token === undefined || (expected !== undefined && (quoted.has(at) || token.toLowerCase() !== expected))) throw parseError(token ?? '<EOF>');
    at++;
    return token;
  };
  const value = () => {
    if (at >= tokens.length) throw parseError('<EOF>');
    return take();
  };

  take('select');
  let count = false;
  let fields: string[] | undefined;
  if (peek() === 'count') {
    take('count');
    take('(');
    take('*');
    take(')');
    count = true;
  } else if (peek() === '*') {
    take('*');
  } else {
    fields = [take()];
    while (peek() === ',') {
      take(',');
      fields.push(take());
    }
  }
  take('from');
  const entity = take();

  const conditions: Condition[] = [];
  if (peek() === 'where') {
    take('where');
    do {
      const field = take();
      const operator = take().toLowerCase() as Condition['operator'];
      if (operator === 'in') {
        take('(');
        const values = [value()];
        while (peek() === ',') {
          take(',');
          values.push(value());
        }
        take(')');
        conditions.push({ field, operator, values });
      } else if (['=', '!=', '<', '<=', '>', '>=', 'like'].includes(operator)) {
        conditions.push({ field, operator, values: [value()] });
      } else {
        throw parseError(operator);
      }
    } while (peek() === 'and' && take('and'));
  }
  const orderBy: Query['orderBy'] = [];
  if (peek() === 'orderby') {
    take('orderby');
    do {
      const field = take();
      const direction = peek();
      if (direction === 'asc' || direction === 'desc') take(direction);
      orderBy.push({ field, descending: direction === 'desc' });
    } while (peek() === ',' && take(','));
  }
  let startPosition = 1;
  let maxResults = 100;
  while (peek() === 'startposition' || peek() === 'maxresults') {
    const clause = take().toLowerCase();
    const number = Number(take());
    if (!Number.isInteger(number) || number < 1) throw parseError(String(number));
    if (clause === 'startposition') startPosition = number;
    else maxResults = Math.min(number, MAX_RESULTS);
  }
  if (at !== tokens.length) throw parseError(tokens[at] as string);
  return { entity, count, fields, conditions, orderBy, startPosition, maxResults };
}

/** A property by path (`MetaData.LastUpdatedTime`); a reference (`CustomerRef`) compares by its `value`. */
function propertyOf(object: Record<string, unknown>, path: string): unknown {
  let current: unknown = object;
  for (const key of path.split('.')) current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  return typeof current === 'object' && current !== null && 'value' in current ? (current as { value: unknown }).value : current;
}

function compareTo(actual: unknown, expected: string, field: string): number {
  if (typeof actual === 'number') return actual - Number(expected);
  if (typeof actual === 'boolean') return Number(actual) - Number(expected.toLowerCase() === 'true');
  if (/(Time|Date)$/.test(field)) return Date.parse(String(actual)) - Date.parse(expected);
  return String(actual ?? '').localeCompare(expected, 'en', { sensitivity: 'accent' });
}

/** Whether an object satisfies one condition; string equality ignores case, as QBO does. */
export function satisfies(object: Record<string, unknown>, condition: Condition): boolean {
  const actual = propertyOf(object, condition.field);
  const [first = ''] = condition.values;
  switch (condition.operator) {
    case 'in':
      return condition.values.some((candidate) => compareTo(actual, candidate, condition.field) === 0);
    case 'like': {
      const pattern = new RegExp(`^${first.replace(REGEX_SPECIALS, '\\$&').replace(/%/g, '.*')}$`, 'i');
      return pattern.test(String(actual ?? ''));
    }
    case '=':
      return compareTo(actual, first, condition.field) === 0;
    case '!=':
      return compareTo(actual, first, condition.field) !== 0;
    case '<':
      return compareTo(actual, first, condition.field) < 0;
    case '<=':
      return compareTo(actual, first, condition.field) <= 0;
    case '>':
      return compareTo(actual, first, condition.field) > 0;
    case '>=':
      return compareTo(actual, first, condition.field) >= 0;
  }
}

export function ordering(orderBy: Query['orderBy']) {
  return (a: Record<string, unknown>, b: Record<string, unknown>) => {
    for (const { field, descending } of orderBy) {
      const order = compareTo(propertyOf(a, field), String(propertyOf(b, field) ?? ''), field);
      if (order) return descending ? -order : order;
    }
    return Number(a.Id) - Number(b.Id);
  };
}
