import { type TwilioMessage } from './messages.ts';

/** The form a status callback posts when a message's status changes (dedupe on MessageSid + MessageStatus). */
export function statusCallbackParams(message: TwilioMessage): URLSearchParams {
  const params = new URLSearchParams({
    SmsSid: message.sid,
    SmsStatus: message.status,
    MessageStatus: message.status,
    To: message.to,
    MessageSid: message.sid,
    AccountSid: message.account_sid,
    From: message.from,
    ApiVersion: message.api_version,
  });
  if (message.messaging_service_sid) params.set('MessagingServiceSid', message.messaging_service_sid);
  if (message.error_code) params.set('ErrorCode', String(message.error_code));
  return params;
}

export interface InboundMedia {
  url: string;
  contentType: string;
}

/** The form Twilio posts to the number's SMS URL when a message arrives; the app answers with TwiML. */
export function inboundSmsParams(message: TwilioMessage, media: InboundMedia[]): URLSearchParams {
  const params = new URLSearchParams({
    SmsMessageSid: message.sid,
    NumMedia: String(media.length),
    SmsSid: message.sid,
    SmsStatus: 'received',
    Body: message.body,
    To: message.to,
    NumSegments: message.num_segments,
    MessageSid: message.sid,
    AccountSid: message.account_sid,
    From: message.from,
    ApiVersion: message.api_version,
  });
  if (message.messaging_service_sid) params.set('MessagingServiceSid', message.messaging_service_sid);
  media.forEach((item, index) => {
    params.set(`MediaUrl${index}`, item.url);
    params.set(`MediaContentType${index}`, item.contentType);
  });
  return params;
}
