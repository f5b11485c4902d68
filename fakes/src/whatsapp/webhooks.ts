import { type DeliveryStatus, type InboundMessage } from './conversations.ts';

export interface BusinessNumber {
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

export interface StatusError {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

/** Meta's webhook envelope: one entry for the WhatsApp Business Account, one `messages` change. */
export const notification = (number: BusinessNumber, value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: number.wabaId,
      changes: [
        {
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId },
            ...value,
          },
          field: 'messages',
        },
      ],
    },
  ],
});

export const statusValue = (status: { id: string; status: DeliveryStatus; timestamp: string; recipient_id: string; errors?: StatusError[] }) => ({
  statuses: [status],
});

export const inboundValue = (message: InboundMessage, profileName: string) => ({
  contacts: [{ profile: { name: profileName }, wa_id: message.from }],
  messages: [message],
});

/** The failure a free-form message gets outside the 24-hour customer service window. */
export const reEngagementError: StatusError = {
  code: 131047,
  title: 'Re-engagement message',
  message: 'Re-engagement message',
  error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
  href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
};
