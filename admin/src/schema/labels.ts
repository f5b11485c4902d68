/** Words shown in capitals wherever they appear in a name. */
const ACRONYMS = new Set(['api', 'id', 'url', 'vin', 'sku', 'vat', 'iban', 'sms']);

/** Names spelled their owners' way wherever they appear in a name: `DOCUSIGN` → "DocuSign", `MPESA` → "M-Pesa". */
const PROPER_NAMES: Record<string, string> = {
  docusign: 'DocuSign',
  quickbooks: 'QuickBooks',
  whatsapp: 'WhatsApp',
  mpesa: 'M-Pesa',
  github: 'GitHub',
  paypal: 'PayPal',
  vpic: 'vPIC',
  oauth: 'OAuth',
  pdf: 'PDF',
};

/** The lower-case words of a camelCase, PascalCase or CONSTANT_CASE name. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** `createdAt` → "Created at", `apiKeys` → "API keys", `SERVICE_ADVISOR` → "Service advisor". */
export function humanise(name: string): string {
  const text = wordsOf(name)
    .map((word) => PROPER_NAMES[word] ?? (ACRONYMS.has(word) ? word.toUpperCase() : word))
    .join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `createdAt` → `CREATED_AT`, the spelling of fields in orderBy enums. */
export function constantCase(name: string): string {
  return wordsOf(name).join('_').toUpperCase();
}

export const upperFirst = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
export const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
