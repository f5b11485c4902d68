// Provider fakes: local servers that speak each provider's wire format (see types.ts).
export * from './types.ts';
export * from './server.ts';
export * from './api-key-providers.ts';
export * from './oauth-providers.ts';
