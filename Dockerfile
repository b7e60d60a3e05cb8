# syntax=docker/dockerfile:1
#
# One image, two processes:
#   API (default):  docker run -p 127.0.0.1:3000:3000 -e API_KEYS_FILE=/run/secrets/api-keys
#                     -v "$PWD/secrets/api-keys.json:/run/secrets/api-keys:ro" policy-tracker
#   projector:      docker run policy-tracker node dist/apps/projector/src/main.js
# The API listens on all interfaces of its container (HOST below), which it does only with
# API keys (API_KEYS or API_KEYS_FILE; `npm run -s cli -- keys create` makes them): without
# any it exits saying so. docker-compose.yml passes the keys file as a secret.
#
# Stages: deps (toolchain + npm ci) -> build (nest build) / prod-deps (npm prune --omit=dev)
#         -> runtime (slim, no compiler, non-root).

ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# ---- deps: full install, native modules compiled here ----------------------
FROM ${NODE_IMAGE} AS deps
# better-sqlite3@12 builds from source with node-gyp: python3, make, g++.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# npm 11 honours the `allowScripts` field in package.json (better-sqlite3 and
# protobufjs approved, @scarf/scarf denied); the npm 10 bundled with Node 20
# would ignore it and run every install script.
RUN npm install -g npm@11.19.1
# Compile the binding against this image's Node headers instead of downloading
# a prebuilt binary or a headers tarball: same result online or behind a mirror.
ENV npm_config_nodedir=/usr/local \
    npm_config_build_from_source=true \
    npm_config_fund=false \
    npm_config_audit=false \
    npm_config_update_notifier=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci \
 && test -f node_modules/better-sqlite3/build/Release/better_sqlite3.node

# ---- build: compile both apps ----------------------------------------------
FROM deps AS build
COPY nest-cli.json tsconfig.base.json tsconfig.build.json tsconfig.json ./
COPY libs ./libs
COPY apps ./apps
RUN npx nest build api && npx nest build projector

# ---- prod-deps: production node_modules only --------------------------------
# Pruning removes packages, not files inside kept ones, so the compiled
# node_modules/better-sqlite3/build/Release/better_sqlite3.node stays in place.
# The C sources and intermediate objects (~25 MB) are not needed at run time.
FROM deps AS prod-deps
RUN npm prune --omit=dev \
 && cd node_modules/better-sqlite3 \
 && rm -rf deps src build/Release/obj build/Release/obj.target build/Release/sqlite3.a build/Release/test_extension.node \
 && cd /app \
 && node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"

# ---- runtime ----------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
# Code stays root-owned (read-only for the process); only DATA_DIR is writable.
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The dashboard page is served from its source folder (static files, no build step).
COPY --from=build /app/apps/api/dashboard ./apps/api/dashboard
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Uses Node's built-in fetch: the slim image has no curl. The projector has no
# HTTP server: docker-compose.yml disables this check for it.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
