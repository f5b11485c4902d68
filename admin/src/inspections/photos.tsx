import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button as MuiButton, IconButton, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';

/** The item's photos as thumbnails (each opens the picture), and a field to add one by its HTTPS URL. */
export function Photos({
  itemName,
  photos,
  editable,
  onChange,
}: {
  itemName: string;
  photos: string[];
  editable: boolean;
  /** Saves the whole list; resolves to whether the API took it. */
  onChange: (photos: string[]) => Promise<boolean>;
}) {
  const [url, setUrl] = useState('');

  async function add(event: FormEvent) {
    event.preventDefault();
    if (url.trim() && (await onChange([...photos, url.trim()]))) setUrl('');
  }

  return (
    <Stack sx={{ gap: 1 }}>
      {photos.length > 0 && (
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} role="list" aria-label={`Photos of ${itemName}`}>
          {photos.map((photo, index) => (
            <Box key={`${photo}-${index}`} role="listitem" sx={{ position: 'relative' }}>
              <a href={photo} target="_blank" rel="noreferrer">
                <Box
                  component="img"
                  src={photo}
                  alt={`Photo ${index + 1} of ${itemName}`}
                  sx={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 1, display: 'block', bgcolor: 'action.hover' }}
                />
              </a>
              {editable && (
                <IconButton
                  size="small"
                  aria-label={`Remove photo ${index + 1} of ${itemName}`}
                  onClick={() => void onChange(photos.filter((_photo, position) => position !== index))}
                  sx={{ position: 'absolute', top: 2, right: 2, bgcolor: 'background.paper', '&:hover': { bgcolor: 'background.paper' } }}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              )}
            </Box>
          ))}
        </Stack>
      )}
      {editable && (
        <Stack component="form" direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }} onSubmit={(event) => void add(event)}>
          <TextField
            size="small"
            label="Photo URL"
            placeholder="https://…"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            sx={{ flex: '1 1 240px' }}
            slotProps={{ htmlInput: { 'aria-label': `Photo URL for ${itemName}` } }}
          />
          <MuiButton type="submit" disabled={!url.trim()}>
            Add photo
          </MuiButton>
        </Stack>
      )}
    </Stack>
  );
}
