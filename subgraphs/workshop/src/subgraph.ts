import { defineSubgraph } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { Appointment } from './appointments/appointment.entity.ts';
import { AppointmentResolver, appointmentReference, CustomerAppointmentsResolver } from './appointments/appointment.resolver.ts';
import { calendarChanges } from './appointments/calendar-changes.ts';
import { customerProjection } from './customers/customer-projection.ts';
import { CustomerRef, customerRefReference } from './customers/customer.ref.ts';
import { KnownCustomer } from './customers/known-customer.entity.ts';
import { ServiceItem } from './service-catalogue/service-item.entity.ts';
import { ServiceItemResolver } from './service-catalogue/service-item.resolver.ts';
import { Technician } from './technicians/technician.entity.ts';
import { TechnicianResolver, technicianReference } from './technicians/technician.resolver.ts';
import { userRefReference } from './technicians/user.ref.ts';
import { OdometerReading } from './vehicles/odometer-reading.entity.ts';
import { Vehicle } from './vehicles/vehicle.entity.ts';
import { CustomerVehiclesResolver, VehicleResolver, vehicleReference } from './vehicles/vehicle.resolver.ts';

/** workshop: vehicles, the service catalogue, technicians and appointments (and later work orders, inspections). */
export const workshop = defineSubgraph({
  name: 'workshop',
  entities: [Vehicle, OdometerReading, KnownCustomer, ServiceItem, Technician, Appointment],
  resolvers: [VehicleResolver, CustomerVehiclesResolver, ServiceItemResolver, TechnicianResolver, AppointmentResolver, CustomerAppointmentsResolver],
  orphanedTypes: [CustomerRef],
  referenceResolvers: {
    Vehicle: vehicleReference as never,
    Customer: customerRefReference as never,
    Technician: technicianReference as never,
    Appointment: appointmentReference as never,
    User: userRefReference as never,
  },
  migrations,
  consumers: [customerProjection, calendarChanges],
});
