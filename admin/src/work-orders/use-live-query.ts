import type { Client, SubscribePayload } from 'graphql-ws';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Data loaded by `load` and loaded again on every event of the `xChanged` subscriptions and whenever the
 * socket (re)connects: a subscription is a signal, the database is the truth (ARCHITECTURE.md §5). Loads
 * never overlap: signals arriving during one cause a single load after it, and the data is the last load's.
 * `subscriptions` are `subscriptionPayload`s of documents in the admin's `.graphql` files.
 */
export function useLiveQuery<T>(live: Client, subscriptions: SubscribePayload[], load: () => Promise<T>) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const state = useRef({ running: false, again: false, load });
  state.current.load = load;

  const reload = useCallback(async () => {
    const current = state.current;
    if (current.running) {
      current.again = true;
      return;
    }
    current.running = true;
    try {
      do {
        current.again = false;
        try {
          setData(await current.load());
          setError(undefined);
        } catch (failure) {
          setError(failure instanceof Error ? failure : new Error(String(failure)));
        }
      } while (current.again);
    } finally {
      current.running = false;
    }
  }, []);

  // a new `load` (other filters, another day) loads at once
  useEffect(() => {
    void reload();
  }, [load, reload]);

  // re-subscribe only when what is subscribed to changes, not on every render's new array
  const signals = useRef(subscriptions);
  signals.current = subscriptions;
  const key = JSON.stringify(subscriptions);
  useEffect(() => {
    const stopReloading = live.on('connected', () => void reload());
    const unsubscribes = signals.current.map((payload) =>
      live.subscribe(payload, { next: () => void reload(), error: (failure) => console.warn('live updates failed', failure), complete: () => undefined }),
    );
    return () => {
      unsubscribes.forEach((unsubscribe) => unsubscribe());
      stopReloading();
    };
  }, [live, key, reload]);

  return { data, error, reload };
}
