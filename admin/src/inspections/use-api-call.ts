import { useCallback, useState } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';

/**
 * Runs one of the screen's calls: `running` while it is under way, the refusal kept in `error` (for an
 * ApiErrorAlert listing every reason), a 401 signing out as react-admin's data provider calls do.
 * Resolves to whether the call succeeded.
 */
export function useApiCall() {
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();

  const run = useCallback(
    async (call: () => Promise<unknown>): Promise<boolean> => {
      setRunning(true);
      setError(undefined);
      try {
        await call();
        return true;
      } catch (failure) {
        if (!(await logoutIfAccessDenied(failure))) setError(failure);
        return false;
      } finally {
        setRunning(false);
      }
    },
    [logoutIfAccessDenied],
  );

  return { run, running, error, clearError: useCallback(() => setError(undefined), []) };
}
