// What the fake's vPIC knows: a few VIN patterns with the values vPIC returns for them (abridged: a field
// left out comes back as "", which is also how vPIC says it has no data).

/** The fields of a DecodeVinValuesExtended result, in vPIC's order. */
export const RESULT_FIELDS = [
  'ABS', 'ActiveSafetySysNote', 'AdaptiveCruiseControl', 'AdaptiveDrivingBeam', 'AdaptiveHeadlights', 'AdditionalErrorText',
  'AirBagLocCurtain', 'AirBagLocFront', 'AirBagLocKnee', 'AirBagLocSeatCushion', 'AirBagLocSide', 'AutoReverseSystem',
  'AutomaticPedestrianAlertingSound', 'AxleConfiguration', 'Axles', 'BasePrice', 'BatteryA', 'BatteryA_to', 'BatteryCells',
  'BatteryInfo', 'BatteryKWh', 'BatteryKWh_to', 'BatteryModules', 'BatteryPacks', 'BatteryType', 'BatteryV', 'BatteryV_to',
  'BedLengthIN', 'BedType', 'BlindSpotMon', 'BodyCabType', 'BodyClass', 'BrakeSystemDesc', 'BrakeSystemType', 'BusFloorConfigType',
  'BusLength', 'BusType', 'CAN_AACN', 'CIB', 'CashForClunkers', 'ChargerLevel', 'ChargerPowerKW', 'CoolingType', 'CurbWeightLB',
  'CustomMotorcycleType', 'DaytimeRunningLight', 'DestinationMarket', 'DisplacementCC', 'DisplacementCI', 'DisplacementL', 'Doors',
  'DriveType', 'DriverAssist', 'DynamicBrakeSupport', 'EDR', 'ESC', 'EVDriveUnit', 'ElectrificationLevel', 'EngineConfiguration',
  'EngineCycles', 'EngineCylinders', 'EngineHP', 'EngineHP_to', 'EngineKW', 'EngineManufacturer', 'EngineModel', 'EntertainmentSystem',
  'ErrorCode', 'ErrorText', 'ForwardCollisionWarning', 'FuelInjectionType', 'FuelTypePrimary', 'FuelTypeSecondary', 'GCWR', 'GCWR_to',
  'GVWR', 'GVWR_to', 'KeylessIgnition', 'LaneCenteringAssistance', 'LaneDepartureWarning', 'LaneKeepSystem',
  'LowerBeamHeadlampLightSource', 'Make', 'MakeID', 'Manufacturer', 'ManufacturerId', 'Model', 'ModelID', 'ModelYear',
  'MotorcycleChassisType', 'MotorcycleSuspensionType', 'NCSABodyType', 'NCSAMake', 'NCSAMapExcApprovedBy', 'NCSAMapExcApprovedOn',
  'NCSAMappingException', 'NCSAModel', 'NCSANote', 'Note', 'OtherBusInfo', 'OtherEngineInfo', 'OtherMotorcycleInfo',
  'OtherRestraintSystemInfo', 'OtherTrailerInfo', 'ParkAssist', 'PedestrianAutomaticEmergencyBraking', 'PlantCity', 'PlantCompanyName',
  'PlantCountry', 'PlantState', 'PossibleValues', 'Pretensioner', 'RearCrossTrafficAlert', 'RearVisibilitySystem', 'SAEAutomationLevel',
  'SAEAutomationLevel_to', 'SeatBeltsAll', 'SeatRows', 'Seats', 'SemiautomaticHeadlampBeamSwitching', 'Series', 'Series2',
  'SteeringLocation', 'SuggestedVIN', 'TPMS', 'TopSpeedMPH', 'TrackWidth', 'TractionControl', 'TrailerBodyType', 'TrailerLength',
  'TrailerType', 'TransmissionSpeeds', 'TransmissionStyle', 'Trim', 'Trim2', 'Turbo', 'VIN', 'ValveTrainDesign', 'VehicleType',
  'WheelBaseLong', 'WheelBaseShort', 'WheelBaseType', 'WheelSizeFront', 'WheelSizeRear', 'Wheels', 'Windows',
] as const;

export type ResultField = (typeof RESULT_FIELDS)[number];
export type VehicleValues = Partial<Record<ResultField, string>>;

export interface VehiclePattern {
  /** VIN positions 1–8 (manufacturer and vehicle descriptor), as vPIC matches them. */
  descriptor: string;
  /** VIN position 10, the model year code. */
  yearCode: string;
  values: VehicleValues;
}

/** The fields vPIC sets to "Not Applicable" on a car or light truck (they describe buses, motorcycles, trailers). */
export const NOT_APPLICABLE_TO_CARS: ResultField[] = [
  'BusFloorConfigType',
  'BusType',
  'CustomMotorcycleType',
  'MotorcycleChassisType',
  'MotorcycleSuspensionType',
  'TrailerBodyType',
  'TrailerType',
];

const UNITED_STATES = 'UNITED STATES (USA)';

export const BUILT_IN_VEHICLES: VehiclePattern[] = [
  {
    // 1HGCM82633A004352
    descriptor: '1HGCM826',
    yearCode: '3',
    values: {
      Make: 'HONDA', MakeID: '474', Manufacturer: 'AMERICAN HONDA MOTOR CO., INC.', ManufacturerId: '988', Model: 'Accord', ModelID: '1861',
      ModelYear: '2003', Trim: 'EX-V6', VehicleType: 'PASSENGER CAR', BodyClass: 'Coupe', BodyCabType: 'Not Applicable', Doors: '2',
      DisplacementCC: '2998.832712', DisplacementCI: '183', DisplacementL: '2.998832712', EngineConfiguration: 'V-Shaped',
      EngineCylinders: '6', EngineHP: '240', EngineModel: 'J30A4', FuelTypePrimary: 'Gasoline',
      GVWR: 'Class 1C: 4,001 - 5,000 lb (1,814 - 2,268 kg)', GVWR_to: 'Class 1: 6,000 lb or less (2,722 kg or less)',
      PlantCity: 'MARYSVILLE', PlantState: 'OHIO', PlantCountry: UNITED_STATES,
    },
  },
  {
    // 1FTMW1T88MFA00001
    descriptor: '1FTMW1T8',
    yearCode: 'M',
    values: {
      Make: 'FORD', MakeID: '460', Manufacturer: 'FORD MOTOR COMPANY, USA', ManufacturerId: '976', Model: 'F-150', ModelID: '1801',
      ModelYear: '2021', Series: 'F-Series', Trim: 'SuperCrew-SSV', VehicleType: 'TRUCK ', BodyClass: 'Pickup',
      BodyCabType: 'Crew/ Super Crew/ Crew Max', DriveType: '4WD/4-Wheel Drive/4x4', BrakeSystemType: 'Hydraulic',
      DisplacementCC: '3500.0', DisplacementCI: '213.58310433156', DisplacementL: '3.5', EngineConfiguration: 'V-Shaped',
      EngineCylinders: '6', EngineHP: '375', EngineKW: '279.6375', EngineManufacturer: 'Ford', EngineModel: 'GTDI',
      FuelTypePrimary: 'Gasoline', GVWR: 'Class 2E: 6,001 - 7,000 lb (2,722 - 3,175 kg)', AirBagLocFront: '1st Row (Driver & Passenger)',
      AirBagLocSide: '1st Row (Driver & Passenger)', SeatBeltsAll: 'Manual', NCSABodyType: 'Light Pickup', NCSAMake: 'Ford',
      NCSAModel: 'F-Series pickup', PlantCity: 'DEARBORN', PlantState: 'MICHIGAN', PlantCountry: UNITED_STATES,
    },
  },
  {
    // 5YJSA1DN5DFP14705 (whose check digit is wrong: vPIC decodes it with error 1) and 5YJSA1DN0DFP14705
    descriptor: '5YJSA1DN',
    yearCode: 'D',
    values: {
      Make: 'TESLA', MakeID: '441', Manufacturer: 'TESLA, INC.', ManufacturerId: '955', Model: 'Model S', ModelID: '1685',
      ModelYear: '2013', VehicleType: 'PASSENGER CAR', BodyClass: 'Hatchback/Liftback/Notchback', FuelTypePrimary: 'Electric',
      ElectrificationLevel: 'BEV (Battery Electric Vehicle)', PlantCity: 'FREMONT', PlantState: 'CALIFORNIA', PlantCountry: UNITED_STATES,
    },
  },
];
