/** Rate limits no bench reaches: the limiter still runs on every request, but refuses none. */
export const unlimited = { perCredential: 1e9, anonymous: 1e9 };
