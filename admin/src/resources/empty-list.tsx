import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { CreateButton, useTranslate } from 'react-admin';
import type { ResourceDescription } from '../schema/resources.ts';
import { useScreenWords } from './screen-words.ts';

/** A list with no records yet says what the thing is (the type's description) and how to make the first one. */
export function EmptyList({ resource, actions }: { resource: ResourceDescription; actions?: ReactNode }) {
  const translate = useTranslate();
  const { word, emptyLabel } = useScreenWords();
  const action = translate('ra.action.create');
  return (
    <Box sx={{ textAlign: 'center', m: 4, mx: 'auto', maxWidth: 560 }} data-testid="empty-list">
      <Typography variant="h6" component="p" gutterBottom>
        {emptyLabel(resource.name)}
      </Typography>
      {resource.description && (
        <Typography variant="body1" color="text.secondary" gutterBottom>
          {resource.description}
        </Typography>
      )}
      {resource.create && (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {word('emptyHint', { action })}
          </Typography>
          <CreateButton variant="contained" />
        </>
      )}
      {actions}
    </Box>
  );
}
