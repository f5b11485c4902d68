import { ProviderUnavailableError } from '../adapter.ts';
import { endpoints } from '../endpoints.ts';

const TIMEOUT_MS = 10_000;

/** One flat DecodeVinValuesExtended record: every value is a string, "" where vPIC has no data. */
export type VpicValues = Record<string, string>;

interface VpicAnswer {
  Count?: number;
  Message?: string;
  Results?: VpicValues[];
}

/** vPIC answered, but not with something we can read (a proxy's error page, a changed shape). */
export class VpicResponseError extends Error {
  override readonly name = 'VpicResponseError';
}

function retryAfterSeconds(headers: Headers): number | undefined {
  const seconds = Number(headers.get('retry-after') ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * NHTSA's vPIC decoder: `GET /api/vehicles/DecodeVinValuesExtended/{vin}?format=json` on `NHTSA_API_URL`.
 * vPIC is public (no key) and has no SDK, so this is fetch. Throttling (429), outages (5xx) and timeouts are
 * ProviderUnavailableError; vPIC answers 200 even for VINs it cannot decode, with its error codes in the record.
 */
export async function decodeVinValues(vin: string, options: { timeoutMs?: number } = {}): Promise<VpicValues> {
  const url = new URL(`${endpoints.nhtsa().replace(/\/$/, '')}/api/vehicles/DecodeVinValuesExtended/${encodeURIComponent(vin)}`);
  url.searchParams.set('format', 'json');
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS) });
  } catch (error) {
    throw new ProviderUnavailableError(`vPIC could not be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new ProviderUnavailableError(`vPIC's answer was cut off: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 429) throw new ProviderUnavailableError('vPIC is rate limiting', retryAfterSeconds(response.headers));
  if (response.status >= 500)
    throw new ProviderUnavailableError(`vPIC answered ${response.status}: ${text.slice(0, 200)}`, retryAfterSeconds(response.headers));
  if (!response.ok) throw new VpicResponseError(`vPIC answered ${response.status}: ${text.slice(0, 200)}`);
  let answer: VpicAnswer;
  try {
    answer = JSON.parse(text) as VpicAnswer;
  } catch {
    throw new VpicResponseError(`vPIC answered ${response.status} with something other than JSON: ${text.slice(0, 200)}`);
  }
  const record = answer.Results?.[0];
  if (!record || typeof record !== 'object') throw new VpicResponseError(`vPIC answered without a result: ${answer.Message ?? 'no message'}`);
  return Object.fromEntries(Object.entries(record).map(([field, value]) => [field, value == null ? '' : String(value)]));
}
