# koomock as a container: the KooGallery emulator and the conformance suite, for sellers whose CI is
# not Node (docs/ci.md). Build: docker build -t koomock .   Run: docker run -p 7070:7070 koomock
# Behind a TLS-inspecting proxy, give npm its CA bundle: --secret id=ca,src=/etc/ssl/certs/ca-certificates.crt
# The base is Debian trixie, whose `nodejs` is 20.19.
ARG BASE_IMAGE=docker.io/library/debian:trixie-slim

# ---- toolchain: Node, npm and a C++ compiler (better-sqlite3 is compiled from source) ----
FROM ${BASE_IMAGE} AS toolchain
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# ---- what the dependencies depend on: the lockfile and package.json without its scripts ----
FROM toolchain AS manifest
COPY package.json package-lock.json ./
RUN node -e "const p=require('./package.json');delete p.scripts;require('fs').writeFileSync('deps.json',JSON.stringify(p))"

# ---- production dependencies only; rebuilt only when the dependencies change ----
FROM toolchain AS deps
COPY --from=manifest /src/deps.json package.json
COPY --from=manifest /src/package-lock.json package-lock.json
RUN --mount=type=secret,id=ca,required=false --mount=type=cache,target=/root/.npm \
    export NODE_EXTRA_CA_CERTS=/run/secrets/ca \
 && npm ci --omit=dev --omit=peer --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 --build-from-source --no-audit --no-fund \
 && node -e "new (require('better-sqlite3'))(':memory:').close()" \
 && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src node_modules/better-sqlite3/build/Release/obj*

# ---- the TypeScript build (scripts skipped: `prepare` would build before the sources are here) ----
FROM toolchain AS build
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=ca,required=false --mount=type=cache,target=/root/.npm \
    NODE_EXTRA_CA_CERTS=/run/secrets/ca npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY mock-server mock-server
COPY schemas schemas
COPY scripts/build-validators.ts scripts/validators-codegen.ts scripts/
# The schema validators (Ajv standalone code, dist/validators/), then the TypeScript.
RUN node --import tsx scripts/build-validators.ts && npx tsc -p tsconfig.build.json

# ---- runtime: Node and the production dependencies, nothing else ----
FROM ${BASE_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --user-group --no-create-home --home-dir /data --shell /usr/sbin/nologin koomock \
 && mkdir -p /data && chown koomock:koomock /data
WORKDIR /opt/koomock
COPY --from=deps /src/node_modules node_modules
COPY --from=build /src/dist dist
COPY package.json README.md ./
COPY bin bin
COPY schemas schemas
COPY scenarios scenarios
# Listens on every interface; the admin API then needs a token: KOOMOCK_ADMIN_TOKEN, or one koomock
# makes up and prints at start. State (orders, instances, the journal) is kept in the /data volume.
ENV NODE_ENV=production KOOMOCK_HOST=0.0.0.0 KOOMOCK_PORT=7070 KOOMOCK_DB=/data/koomock.db
VOLUME /data
EXPOSE 7070
USER koomock
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.KOOMOCK_PORT||7070)+'/_koomock/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "/opt/koomock/bin/koomock.js"]
CMD ["serve"]
