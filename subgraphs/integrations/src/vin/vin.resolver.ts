import { STAFF, type SubgraphContext } from '@atelier/kit';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { VinDecoding } from './vin-decoding.ts';
import { decodeVin } from './vin.service.ts';

@Resolver(() => VinDecoding)
export class VinResolver {
  @Authorized(STAFF)
  @Query(() => VinDecoding, {
    description:
      'Decodes a VIN through NHTSA vPIC (cached for 90 days). A malformed VIN, or a North American one whose check digit does not match, is BAD_USER_INPUT; a VIN vPIC cannot decode (or an outage) gives a partial decoding, never an error.',
  })
  decodeVin(@Arg('vin', () => String) vin: string, @Ctx() context: SubgraphContext): Promise<VinDecoding> {
    return decodeVin(context.em, vin);
  }
}
