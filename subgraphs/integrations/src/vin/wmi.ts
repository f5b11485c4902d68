/** What a World Manufacturer Identifier (VIN positions 1-3) says: who built the vehicle, under which make, where. */
export interface WmiEntry {
  manufacturer: string;
  make: string;
  country: string;
}

const entry = (manufacturer: string, make: string, country: string): WmiEntry => ({ manufacturer, make, country });

/** Common WMIs (ISO 3780 as registered with SAE): enough to name the maker of most cars a workshop sees. */
export const WMI: Record<string, WmiEntry> = {
  // North America
  '1HG': entry('American Honda Motor Co., Inc.', 'Honda', 'United States'),
  '2HG': entry('Honda of Canada Mfg.', 'Honda', 'Canada'),
  '1FA': entry('Ford Motor Company', 'Ford', 'United States'),
  '1FT': entry('Ford Motor Company', 'Ford', 'United States'),
  '1FM': entry('Ford Motor Company', 'Ford', 'United States'),
  '1G1': entry('General Motors LLC', 'Chevrolet', 'United States'),
  '1GC': entry('General Motors LLC', 'Chevrolet', 'United States'),
  '1GT': entry('General Motors LLC', 'GMC', 'United States'),
  '1C4': entry('FCA US LLC', 'Jeep', 'United States'),
  '4T1': entry('Toyota Motor Manufacturing Kentucky', 'Toyota', 'United States'),
  '5YJ': entry('Tesla, Inc.', 'Tesla', 'United States'),
  '7SA': entry('Tesla, Inc.', 'Tesla', 'United States'),
  '5NP': entry('Hyundai Motor Manufacturing Alabama', 'Hyundai', 'United States'),
  '3VW': entry('Volkswagen de México', 'Volkswagen', 'Mexico'),
  // Asia
  JHM: entry('Honda Motor Co., Ltd.', 'Honda', 'Japan'),
  JT2: entry('Toyota Motor Corporation', 'Toyota', 'Japan'),
  JTD: entry('Toyota Motor Corporation', 'Toyota', 'Japan'),
  JTE: entry('Toyota Motor Corporation', 'Toyota', 'Japan'),
  JN1: entry('Nissan Motor Co., Ltd.', 'Nissan', 'Japan'),
  JM1: entry('Mazda Motor Corporation', 'Mazda', 'Japan'),
  JF1: entry('Subaru Corporation', 'Subaru', 'Japan'),
  KMH: entry('Hyundai Motor Company', 'Hyundai', 'South Korea'),
  KNA: entry('Kia Corporation', 'Kia', 'South Korea'),
  KND: entry('Kia Corporation', 'Kia', 'South Korea'),
  // Europe
  SAL: entry('Jaguar Land Rover Limited', 'Land Rover', 'United Kingdom'),
  SAJ: entry('Jaguar Land Rover Limited', 'Jaguar', 'United Kingdom'),
  SJN: entry('Nissan Motor Manufacturing (UK) Ltd.', 'Nissan', 'United Kingdom'),
  TMB: entry('Škoda Auto a.s.', 'Škoda', 'Czech Republic'),
  VF1: entry('Renault S.A.S.', 'Renault', 'France'),
  VF3: entry('Stellantis (Peugeot)', 'Peugeot', 'France'),
  VF7: entry('Stellantis (Citroën)', 'Citroën', 'France'),
  VSS: entry('SEAT S.A.', 'SEAT', 'Spain'),
  WAU: entry('Audi AG', 'Audi', 'Germany'),
  WBA: entry('BMW AG', 'BMW', 'Germany'),
  WBS: entry('BMW M GmbH', 'BMW', 'Germany'),
  WDB: entry('Mercedes-Benz AG', 'Mercedes-Benz', 'Germany'),
  WDD: entry('Mercedes-Benz AG', 'Mercedes-Benz', 'Germany'),
  W1K: entry('Mercedes-Benz AG', 'Mercedes-Benz', 'Germany'),
  WMW: entry('BMW AG (MINI)', 'MINI', 'Germany'),
  WF0: entry('Ford-Werke GmbH', 'Ford', 'Germany'),
  WP0: entry('Dr. Ing. h.c. F. Porsche AG', 'Porsche', 'Germany'),
  W0L: entry('Opel Automobile GmbH', 'Opel', 'Germany'),
  WVW: entry('Volkswagen AG', 'Volkswagen', 'Germany'),
  WV1: entry('Volkswagen AG (Commercial Vehicles)', 'Volkswagen', 'Germany'),
  WV2: entry('Volkswagen AG (Commercial Vehicles)', 'Volkswagen', 'Germany'),
  YV1: entry('Volvo Car Corporation', 'Volvo', 'Sweden'),
  ZFA: entry('Stellantis (Fiat)', 'Fiat', 'Italy'),
  ZAR: entry('Stellantis (Alfa Romeo)', 'Alfa Romeo', 'Italy'),
};

/** Where a VIN's first character says the vehicle was built (ISO 3780 regions), when the WMI is not in the table. */
export function regionOf(vin: string): string | undefined {
  const first = vin[0] ?? '';
  if (/[1-5]/.test(first)) return 'North America';
  if (/[6-7]/.test(first)) return 'Oceania';
  if (/[8-9]/.test(first)) return 'South America';
  if (/[A-H]/.test(first)) return 'Africa';
  if (/[J-R]/.test(first)) return 'Asia';
  if (/[S-Z]/.test(first)) return 'Europe';
  return undefined;
}

export const wmiOf = (vin: string): WmiEntry | undefined => WMI[vin.slice(0, 3)];
