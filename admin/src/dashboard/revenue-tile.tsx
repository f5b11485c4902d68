import { Stack, Typography } from '@mui/material';
import type { Client } from 'graphql-ws';
import { useCallback, useMemo } from 'react';
import type { ApiRequests } from '../actions/api-request.ts';
import { formatMoney } from '../money/money.ts';
import type { ResourceCatalog } from '../schema/resources.ts';
import { useLiveQuery } from '../work-orders/use-live-query.ts';
import { listPath } from './links.ts';
import { loadRevenue, type Amounts, type RevenueSource } from './revenue.ts';
import { Tile } from './tile.tsx';
import type { DayRange } from './time-zone.ts';

const formatAmounts = (amounts: Amounts) => {
  const entries = Object.entries(amounts);
  return entries.length ? entries.map(([currency, minor]) => formatMoney(minor, currency)).join(' + ') : '0';
};

/** Invoiced today and since Monday, only rendered when the API has invoices (revenue.ts). */
export function RevenueTile(props: { live: Client; api: ApiRequests; source: RevenueSource; range: DayRange; catalog: ResourceCatalog }) {
  const { live, api, source, range, catalog } = props;
  const load = useCallback(() => loadRevenue(api, source, range), [api, source, range]);
  const signals = useMemo(() => (source.signal ? [source.signal] : []), [source]);
  const { data: revenue, error } = useLiveQuery(live, signals, load);
  return (
    <Tile title="Revenue" to={listPath(catalog, 'Invoice', {})} figure={revenue && formatAmounts(revenue.today)} caption="invoiced today" error={error}>
      {revenue && (
        <Stack direction="row" sx={{ gap: 1 }}>
          <Typography variant="body2" color="text.secondary">
            This week
          </Typography>
          <Typography variant="body2" data-testid="revenue-week">
            {formatAmounts(revenue.week)}
          </Typography>
        </Stack>
      )}
    </Tile>
  );
}
