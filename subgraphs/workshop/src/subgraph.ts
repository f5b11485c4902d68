import { defineSubgraph } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { Appointment } from './appointments/appointment.entity.ts';
import { AppointmentResolver, appointmentReference, CustomerAppointmentsResolver } from './appointments/appointment.resolver.ts';
import { calendarAnnouncements } from './appointments/calendar-announcements.ts';
import { calendarChanges } from './appointments/calendar-changes.ts';
import { workshopContract } from './contract.ts';
import { customerProjection } from './customers/customer-projection.ts';
import { CustomerRef, customerRefReference } from './customers/customer.ref.ts';
import { KnownCustomer } from './customers/known-customer.entity.ts';
import { ServiceItem } from './service-catalogue/service-item.entity.ts';
import { ServiceItemResolver } from './service-catalogue/service-item.resolver.ts';
import { Technician } from './technicians/technician.entity.ts';
import { KnownMember } from './technicians/known-member.entity.ts';
import { memberProjection } from './technicians/member-projection.ts';
import { TechnicianResolver, technicianReference } from './technicians/technician.resolver.ts';
import { userRefReference } from './technicians/user.ref.ts';
import { InspectionItem } from './inspections/inspection-item.entity.ts';
import { Inspection } from './inspections/inspection.entity.ts';
import { InspectionResolver, inspectionReference, WorkOrderInspectionsResolver } from './inspections/inspection.resolver.ts';
import { KnownProduct } from './products/known-product.entity.ts';
import { productProjection } from './products/product-projection.ts';
import { ProductRef } from './products/product.ref.ts';
import { OdometerReading } from './vehicles/odometer-reading.entity.ts';
import { Vehicle } from './vehicles/vehicle.entity.ts';
import { CustomerVehiclesResolver, VehicleResolver, vehicleReference } from './vehicles/vehicle.resolver.ts';
import { vinFill } from './vehicles/vin-fill.ts';
import { estimateSignatures } from './work-orders/estimate-signatures.ts';
import { WorkOrderCounter } from './work-orders/work-order-counter.entity.ts';
import { WorkOrderLine } from './work-orders/work-order-line.entity.ts';
import { WorkOrderLineResolver } from './work-orders/work-order-lines.resolver.ts';
import { WorkOrder } from './work-orders/work-order.entity.ts';
import { CustomerWorkOrdersResolver, VehicleWorkOrdersResolver, WorkOrderResolver, workOrderReference } from './work-orders/work-order.resolver.ts';

/** workshop: vehicles, the service catalogue, technicians, appointments, work orders and their inspections. */
export const workshop = defineSubgraph({
  name: 'workshop',
  entities: [Vehicle, OdometerReading, KnownCustomer, KnownProduct, KnownMember, ServiceItem, Technician, Appointment, WorkOrder, WorkOrderLine, WorkOrderCounter, Inspection, InspectionItem],
  resolvers: [
    VehicleResolver, CustomerVehiclesResolver, ServiceItemResolver, TechnicianResolver, AppointmentResolver, CustomerAppointmentsResolver,
    WorkOrderResolver, WorkOrderLineResolver, CustomerWorkOrdersResolver, VehicleWorkOrdersResolver, InspectionResolver, WorkOrderInspectionsResolver,
  ],
  orphanedTypes: [CustomerRef, ProductRef],
  referenceResolvers: {
    Vehicle: vehicleReference as never,
    Customer: customerRefReference as never,
    Technician: technicianReference as never,
    Appointment: appointmentReference as never,
    WorkOrder: workOrderReference as never,
    Inspection: inspectionReference as never,
    User: userRefReference as never,
  },
  migrations,
  contract: workshopContract,
  consumers: [customerProjection, productProjection, memberProjection, estimateSignatures, vinFill, calendarChanges, calendarAnnouncements],
});
