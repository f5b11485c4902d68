import { defineFeature } from '@atelier/kit';
import { accountEmailSender } from './account-email-sender.ts';

/** Emails about people's accounts (invitations, address checks) sent from the platform's own address. */
export const accountEmail = defineFeature({ name: 'account-email', consumers: [accountEmailSender] });
