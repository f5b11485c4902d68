import { defineFeature } from '@atelier/kit';
import { SignUpResolver } from './signup.resolver.ts';

/** Signing up for a new organization and verifying the email address. */
export const signUp = defineFeature({ name: 'signup', resolvers: [SignUpResolver] });
