import { Box, Card, CardActionArea, CardContent, Link as MuiLink, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface TileProps {
  title: string;
  /** The page or filtered list the tile summarises: its title and figure open it. */
  to: string;
  /** The headline figure, already formatted; none while loading. */
  figure?: ReactNode;
  caption?: string;
  /** The tile's failure, shown in place of its body. */
  error?: Error;
  children?: ReactNode;
}

/** A card of the dashboard: a region named by its title, a big figure that links to what it counts, then details. */
export function Tile({ title, to, figure, caption, error, children }: TileProps) {
  return (
    <Card component="section" aria-label={title} variant="outlined" sx={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
      <CardActionArea component={Link} to={to} sx={{ px: 2, pt: 1.5, pb: 1 }}>
        <Typography variant="subtitle1" component="h2" color="text.secondary">
          {title}
        </Typography>
        <Typography variant="h4" component="p" data-testid="dashboard-figure">
          {figure ?? '…'}
        </Typography>
        {caption && (
          <Typography variant="caption" color="text.secondary">
            {caption}
          </Typography>
        )}
      </CardActionArea>
      <CardContent sx={{ pt: 0, flex: 1, '&:last-child': { pb: 1.5 } }}>
        {error ? (
          <Typography variant="body2" color="error" role="alert">
            {error.message}
          </Typography>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
}

/** What an empty tile says: what would be here, and the link that makes some. */
export function EmptyState({ text, action, to }: { text: string; action?: string; to?: string }) {
  return (
    <Box data-testid="empty-state" sx={{ py: 1 }}>
      <Typography variant="body2" color="text.secondary" component="span">
        {text}
        {action && to && (
          <>
            {' — '}
            <MuiLink component={Link} to={to}>
              {action}
            </MuiLink>
          </>
        )}
      </Typography>
    </Box>
  );
}
