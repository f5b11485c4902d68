import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum VinDecodingSource {
  VPIC = 'VPIC',
  VIN_ONLY = 'VIN_ONLY',
}

registerEnumType(VinDecodingSource, {
  name: 'VinDecodingSource',
  description: 'Where a VIN decoding comes from',
  valuesConfig: {
    VPIC: { description: "NHTSA's vPIC decoder (possibly from the cache), completed from the VIN itself where vPIC had no data" },
    VIN_ONLY: { description: 'The VIN alone (manufacturer from the WMI, model year from position 10): vPIC was unavailable' },
  },
});

@ObjectType({ description: 'What a VIN says about a vehicle: from NHTSA vPIC where it knows the VIN, else what the VIN itself tells' })
export class VinDecoding {
  @Field(() => String, { description: 'The VIN, normalized (upper case)' }) vin!: string;
  @Field(() => String, { nullable: true }) make?: string | null;
  @Field(() => String, { nullable: true }) model?: string | null;
  @Field(() => Int, { nullable: true }) modelYear?: number | null;
  @Field(() => String, { nullable: true, description: 'Displacement, cylinders and engine model, e.g. "2.4L 4 cyl (K24Z3)"' }) engine?: string | null;
  @Field(() => String, { nullable: true }) bodyClass?: string | null;
  @Field(() => String, { nullable: true }) fuelType?: string | null;
  @Field(() => String, { nullable: true }) manufacturer?: string | null;
  @Field(() => String, { nullable: true, description: 'Where the vehicle was built (the plant, else the WMI region)' }) country?: string | null;
  @Field(() => Boolean, { description: 'False when the VIN is only partially decoded (vPIC does not know it, or was unavailable)' }) complete!: boolean;
  @Field(() => VinDecodingSource) source!: VinDecodingSource;
  @Field(() => [String], { description: "vPIC's remarks and ours on what could not be decoded" }) messages!: string[];
}
