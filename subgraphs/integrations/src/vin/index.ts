import { defineFeature } from '@atelier/kit';
import { VinCacheEntry } from './vin-cache.entity.ts';
import { vinDecodeRequests } from './vin-decode-requests.ts';
import { VinResolver } from './vin.resolver.ts';

/** VIN decoding through NHTSA vPIC, cached, for workshop's vehicles. */
export const vinDecoding = defineFeature({ name: 'vin', entities: [VinCacheEntry], resolvers: [VinResolver], consumers: [vinDecodeRequests] });
