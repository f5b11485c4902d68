# One image for every Atelier service; docker-compose.yml picks the service with SERVICE.
FROM node:24-bookworm-slim AS base
WORKDIR /app

FROM base AS deps
COPY package.json package-lock.json ./
COPY subgraphs/shared/package.json subgraphs/shared/
COPY subgraphs/identity/package.json subgraphs/identity/
COPY subgraphs/crm/package.json subgraphs/crm/
COPY subgraphs/workshop/package.json subgraphs/workshop/
COPY subgraphs/commerce/package.json subgraphs/commerce/
COPY subgraphs/integrations/package.json subgraphs/integrations/
COPY fakes/package.json fakes/
COPY gateway/package.json gateway/
COPY admin/package.json admin/
RUN npm ci

FROM deps AS admin-build
COPY . .
RUN npm run build -w @atelier/admin

FROM base AS runtime
ENV NODE_ENV=production HOST=0.0.0.0
COPY --from=deps /app/node_modules ./node_modules
COPY . .
COPY --from=admin-build /app/admin/dist ./admin/dist
USER node
# SERVICE: identity | crm | workshop | commerce | integrations | gateway | admin
ENV SERVICE=gateway
CMD ["sh", "-c", "exec npx tsx scripts/serve.ts \"$SERVICE\""]
