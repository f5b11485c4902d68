import { defineProvider } from '../provider-module.ts';
import { Provider } from '../provider.ts';
import { whatsappAdapter } from './whatsapp-adapter.ts';
import { answerWhatsAppHandshake, verifyWhatsAppWebhook } from './whatsapp-webhook.ts';

/** WhatsApp (Meta Cloud API): messages, and its signed webhooks with their verification handshake. */
export const whatsapp = defineProvider({
  provider: Provider.WHATSAPP,
  adapter: whatsappAdapter,
  webhooks: { verify: verifyWhatsAppWebhook, handshake: answerWhatsAppHandshake },
});
