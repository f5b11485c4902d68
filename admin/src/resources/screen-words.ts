import { useTranslate } from 'react-admin';

/**
 * The words of the generated screens, in English, under `atelier.screens.*`; a translation of the key wins
 * (i18n/). Per resource, `resources.<Type>.add` names its create action where "Add …" reads wrong.
 */
export const SCREEN_MESSAGES = {
  add: 'Add %{name}',
  empty: 'No %{name} yet',
  emptyHint: 'Create the first one with "%{action}".',
} as const;

/** English names of create actions that read better than "Add …". */
export const ADD_ACTION_MESSAGES: Readonly<Record<string, string>> = {
  Appointment: 'Book appointment',
  WorkOrder: 'New work order',
};

type ScreenWord = keyof typeof SCREEN_MESSAGES;

/** "Work orders" reads "work orders" inside a sentence; "API keys" keeps its capitals. */
const inSentence = (name: string) => (/^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name);

export function useScreenWords() {
  const translate = useTranslate();
  const word = (key: ScreenWord, options: Record<string, unknown> = {}) => translate(`atelier.screens.${key}`, { _: SCREEN_MESSAGES[key], ...options });
  const resourceName = (resource: string, count: number) => inSentence(translate(`resources.${resource}.name`, { smart_count: count, _: resource }));
  return {
    word,
    /** "Add vehicle", "Book appointment". */
    addLabel: (resource: string) =>
      translate(`resources.${resource}.add`, { _: ADD_ACTION_MESSAGES[resource] ?? word('add', { name: resourceName(resource, 1) }) }),
    /** "No work orders yet". */
    emptyLabel: (resource: string) => word('empty', { name: resourceName(resource, 2) }),
  };
}
