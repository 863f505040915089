# syntax=docker/dockerfile:1
# One image for both processes: docker-compose.yml runs `node dist/apps/worker/main.js` for the worker and the default
# command below for the api. Debian rather than Alpine: the Temporal SDK's native core bridge is built for glibc, not
# musl.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Manifests first, so editing source reuses the cached `npm ci` layer.
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
# Written by `npm run build`: workers start without running webpack, and replays judge against the code they run.
ENV WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
WORKDIR /app
# Left owned by root: the `node` user can read its code and dependencies but not rewrite them.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
