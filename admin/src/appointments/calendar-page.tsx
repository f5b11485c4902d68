import { Alert, Box, Button as MuiButton, FormControlLabel, Paper, Stack, Switch, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { Client } from 'graphql-ws';
import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Loading, Title, useDataProvider } from 'react-admin';
import { AdminCalendarChangedDocument } from '../generated/operations.ts';
import { subscriptionPayload } from '../integrations/live-client.ts';
import { useLiveQuery } from '../work-orders/use-live-query.ts';
import { vehicleName } from '../work-orders/work-order-types.ts';
import type { AppointmentsDataProvider, CalendarAppointment, CalendarTechnician } from './appointments-data-provider.ts';
import { addDays, daysOf, formatDay, formatTime, hoursInto, isoDay, lanesOf, sameDay, startOfDay, type CalendarView } from './calendar-range.ts';

export const CALENDAR_PATH = '/calendar';

const APPOINTMENT_CHANGED = subscriptionPayload(AdminCalendarChangedDocument, {});
const HOUR_PX = 48;
/** The working day shown unless appointments fall outside it. */
const FIRST_HOUR = 7;
const LAST_HOUR = 19;

type GroupBy = 'technician' | 'bay';

interface Group {
  key: string;
  label: string;
  /** What a booking made from this column's slot is for. */
  booking: { technicianId?: string; bay?: string };
}

interface Placed {
  appointment: CalendarAppointment;
  start: Date;
  end: Date;
  group: string;
}

const NONE = '';

function groupsOf(by: GroupBy, appointments: CalendarAppointment[], technicians: CalendarTechnician[]): Group[] {
  if (by === 'technician') {
    const known = new Map(technicians.map((technician) => [technician.id, technician.name]));
    for (const appointment of appointments)
      if (appointment.technicianId && !known.has(appointment.technicianId)) known.set(appointment.technicianId, appointment.technician?.name ?? '?');
    return [...[...known].map(([id, name]) => ({ key: id, label: name, booking: { technicianId: id } })), { key: NONE, label: 'No technician', booking: {} }];
  }
  const bays = [...new Set(appointments.flatMap((appointment) => (appointment.bay ? [appointment.bay] : [])))].sort();
  return [...bays.map((bay) => ({ key: bay, label: bay, booking: { bay } })), { key: NONE, label: 'No bay', booking: {} }];
}

const groupKeyOf = (by: GroupBy, appointment: CalendarAppointment) => (by === 'technician' ? appointment.technicianId : appointment.bay) ?? NONE;

const describe = ({ appointment, start, end }: Placed) =>
  `${formatTime(start)}–${formatTime(end)} ${appointment.customer?.name ?? 'Customer not found'}${appointment.vehicle ? `, ${vehicleName(appointment.vehicle)}` : ''}`;

/** The create form, filled in from the slot (react-admin reads `?source=` as the new record's values). */
function bookingPath(start: Date, group: Group): string {
  const values = { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 60 * 60 * 1000).toISOString(), ...group.booking };
  return `/Appointment/create?source=${encodeURIComponent(JSON.stringify(values))}`;
}

function AppointmentBlock({ placed, style }: { placed: Placed; style?: object }) {
  const { appointment } = placed;
  const cancelled = appointment.status === 'CANCELLED';
  return (
    <Box
      component={Link}
      to={`/Appointment/${appointment.id}/show`}
      aria-label={describe(placed)}
      data-testid="calendar-appointment"
      sx={{
        display: 'block',
        overflow: 'hidden',
        borderRadius: 1,
        px: 0.75,
        py: 0.25,
        fontSize: '0.75rem',
        textDecoration: 'none',
        bgcolor: cancelled ? 'action.disabledBackground' : 'primary.main',
        color: cancelled ? 'text.secondary' : 'primary.contrastText',
        textDecorationLine: cancelled ? 'line-through' : undefined,
        ...style,
      }}
    >
      <strong>
        {formatTime(placed.start)}–{formatTime(placed.end)}
      </strong>{' '}
      {appointment.customer?.name ?? 'Customer not found'}
      {appointment.vehicle && (
        <Box component="span" sx={{ display: 'block', opacity: 0.85 }}>
          {vehicleName(appointment.vehicle)}
        </Box>
      )}
    </Box>
  );
}

/** One day as a time grid, a column per technician or bay; an empty hour books there. */
function DayGrid({ day, groups, placed }: { day: Date; groups: Group[]; placed: Placed[] }) {
  const navigate = useNavigate();
  const first = Math.min(FIRST_HOUR, ...placed.map((entry) => Math.floor(Math.max(0, hoursInto(day, entry.start)))));
  const last = Math.max(LAST_HOUR, ...placed.map((entry) => Math.ceil(Math.min(24, hoursInto(day, entry.end)))));
  const hours = Array.from({ length: last - first }, (_, index) => first + index);
  const top = (at: Date) => (Math.min(24, Math.max(0, hoursInto(day, at))) - first) * HOUR_PX;

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: `80px repeat(${groups.length}, minmax(140px, 1fr))`, overflowX: 'auto' }}>
      <Box />
      {groups.map((group) => (
        <Typography key={group.key} variant="subtitle2" sx={{ p: 1, borderBottom: 1, borderColor: 'divider' }} role="columnheader">
          {group.label}
        </Typography>
      ))}
      <Box sx={{ position: 'relative' }}>
        {hours.map((hour) => (
          <Typography
            key={hour}
            variant="caption"
            color="text.secondary"
            sx={{ display: 'block', height: HOUR_PX, pr: 1, textAlign: 'right', whiteSpace: 'nowrap' }}
          >
            {formatTime(new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour))}
          </Typography>
        ))}
      </Box>
      {groups.map((group) => (
        <Box
          key={group.key}
          role="region"
          aria-label={`${group.label} on ${formatDay(day)}`}
          sx={{ position: 'relative', borderLeft: 1, borderColor: 'divider' }}
        >
          {hours.map((hour) => {
            const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), hour);
            return (
              <Box
                key={hour}
                title={`Book ${formatTime(start)}${group.key ? ` with ${group.label}` : ''}`}
                onClick={() => navigate(bookingPath(start, group))}
                sx={{ height: HOUR_PX, borderBottom: 1, borderColor: 'divider', cursor: 'copy', '&:hover': { bgcolor: 'action.hover' } }}
              />
            );
          })}
          {lanesOf(placed.filter((entry) => entry.group === group.key)).map(({ item, lane, lanes }) => (
            <AppointmentBlock
              key={item.appointment.id}
              placed={item}
              style={{
                position: 'absolute',
                top: top(item.start) + 1,
                height: Math.max(18, top(item.end) - top(item.start) - 2),
                left: `calc(${(100 * lane) / lanes}% + 2px)`,
                width: `calc(${100 / lanes}% - 4px)`,
              }}
            />
          ))}
        </Box>
      ))}
    </Box>
  );
}

/** A week as a table: a row per technician or bay, a column per day. */
function WeekGrid({ days, groups, placed }: { days: Date[]; groups: Group[]; placed: Placed[] }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: `160px repeat(7, minmax(120px, 1fr))`, overflowX: 'auto' }}>
      <Box />
      {days.map((day) => (
        <Typography key={day.toISOString()} variant="subtitle2" sx={{ p: 1, borderBottom: 1, borderColor: 'divider' }} role="columnheader">
          {formatDay(day)}
        </Typography>
      ))}
      {groups.map((group) => [
        <Typography key={group.key} variant="subtitle2" sx={{ p: 1, borderBottom: 1, borderColor: 'divider' }} role="rowheader">
          {group.label}
        </Typography>,
        ...days.map((day) => (
          <Stack
            key={`${group.key}-${day.toISOString()}`}
            role="region"
            aria-label={`${group.label} on ${formatDay(day)}`}
            sx={{ gap: 0.5, p: 0.5, minHeight: 48, borderLeft: 1, borderBottom: 1, borderColor: 'divider' }}
          >
            {placed
              .filter((entry) => entry.group === group.key && sameDay(entry.start, day))
              .map((entry) => (
                <AppointmentBlock key={entry.appointment.id} placed={entry} />
              ))}
          </Stack>
        )),
      ])}
    </Box>
  );
}

/**
 * The appointment calendar: a day or a week, by technician or by bay, kept live by `appointmentChanged`.
 * An appointment opens its page; an empty slot of the day view opens a booking for it. The view lives in
 * the URL (`?view=day&date=2026-03-02&by=bay`), so it can be shared and survives a reload.
 */
export function AppointmentCalendarPage({ live }: { live: Client }) {
  const dataProvider = useDataProvider<AppointmentsDataProvider>();
  const [params, setParams] = useSearchParams();
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'day';
  const by: GroupBy = params.get('by') === 'bay' ? 'bay' : 'technician';
  const withCancelled = params.get('cancelled') === 'yes';
  const dateParam = params.get('date');
  const anchor = useMemo(() => startOfDay(dateParam ? new Date(`${dateParam}T00:00`) : new Date()), [dateParam]);
  const days = useMemo(() => daysOf(view, anchor), [view, anchor]);
  const update = (changes: Record<string, string>) => setParams((current) => ({ ...Object.fromEntries(current), ...changes }));

  const from = days[0] ?? anchor;
  const to = addDays(days[days.length - 1] ?? anchor, 1);
  const fromIso = from.toISOString();
  const toIso = to.toISOString();
  const load = useCallback(async () => {
    const [appointments, technicians] = await Promise.all([
      dataProvider.getAppointmentsBetween({ from: fromIso, to: toIso, withCancelled }),
      dataProvider.getActiveTechnicians(),
    ]);
    return { appointments, technicians };
  }, [dataProvider, fromIso, toIso, withCancelled]);
  const { data, error } = useLiveQuery(live, [APPOINTMENT_CHANGED], load);

  const groups = data ? groupsOf(by, data.appointments, data.technicians) : [];
  const placed: Placed[] = (data?.appointments ?? []).map((appointment) => ({
    appointment,
    start: new Date(appointment.startsAt),
    end: new Date(appointment.endsAt),
    group: groupKeyOf(by, appointment),
  }));
  const step = view === 'day' ? 1 : 7;

  return (
    <Paper sx={{ mt: 2, p: 2 }}>
      <Title title="Calendar" />
      <Stack direction="row" sx={{ gap: 1, mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <MuiButton onClick={() => update({ date: isoDay(addDays(anchor, -step)) })}>Previous</MuiButton>
        <MuiButton onClick={() => update({ date: isoDay(new Date()) })}>Today</MuiButton>
        <MuiButton onClick={() => update({ date: isoDay(addDays(anchor, step)) })}>Next</MuiButton>
        <TextField
          type="date"
          size="small"
          label="Date"
          value={isoDay(anchor)}
          onChange={(event) => event.target.value && update({ date: event.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 180 }}
        />
        <Typography variant="h6" component="h1" sx={{ mx: 1 }}>
          {view === 'day' ? formatDay(from) : `${formatDay(from)} – ${formatDay(addDays(to, -1))}`}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <ToggleButtonGroup size="small" exclusive value={view} onChange={(_, value: CalendarView | null) => value && update({ view: value })} aria-label="View">
          <ToggleButton value="day">Day</ToggleButton>
          <ToggleButton value="week">Week</ToggleButton>
        </ToggleButtonGroup>
        <ToggleButtonGroup size="small" exclusive value={by} onChange={(_, value: GroupBy | null) => value && update({ by: value })} aria-label="Group by">
          <ToggleButton value="technician">By technician</ToggleButton>
          <ToggleButton value="bay">By bay</ToggleButton>
        </ToggleButtonGroup>
        <FormControlLabel
          control={<Switch checked={withCancelled} onChange={(event) => update({ cancelled: event.target.checked ? 'yes' : 'no' })} />}
          label="Cancelled"
        />
      </Stack>
      {error && <Alert severity="error">{error.message}</Alert>}
      {!data ? (
        !error && <Loading />
      ) : view === 'day' ? (
        <DayGrid day={from} groups={groups} placed={placed} />
      ) : (
        <WeekGrid days={days} groups={groups} placed={placed} />
      )}
    </Paper>
  );
}
