import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useNotify } from 'react-admin';
import { humanise } from '../schema/labels.ts';

/**
 * After an OAuth sign-in the gateway sends the person back to `#/integrations?provider=…&result=connected|failed&message=…`:
 * say how it went, then drop the parameters so a reload does not say it again.
 */
export function useOAuthReturnNotification() {
  const location = useLocation();
  const navigate = useNavigate();
  const notify = useNotify();
  const shown = useRef<string>(undefined);

  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const result = params.get('result');
    if (!result || shown.current === location.search) return;
    shown.current = location.search;
    const provider = humanise(params.get('provider') ?? 'the provider');
    const message = params.get('message') ?? (result === 'connected' ? 'Connected' : 'The connection failed');
    notify(`${provider}: ${message}`, { type: result === 'connected' ? 'success' : 'error', autoHideDuration: 10_000 });
    navigate(location.pathname, { replace: true });
  }, [location.search, location.pathname, navigate, notify]);
}
