# syntax=docker/dockerfile:1
# qlik-sessions: build in one stage (TypeScript, dev dependencies), run from the packed release in another.
# Build: docker build -t qlik-sessions .   Run: docker run --env-file .env -p 3000:3000 -p 8080:8080 qlik-sessions

ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# The lock file decides every version; scripts wait until the sources are there.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
# prepack builds dist/; the tarball holds exactly what a production install needs.
RUN npm pack --pack-destination /tmp && mv /tmp/qlik-sessions-*.tgz /tmp/qlik-sessions.tgz

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HEALTH_PORT=8080 \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=build /tmp/qlik-sessions.tgz /tmp/qlik-sessions.tgz
# Production dependencies only (no TypeScript, no test tools); the command lands in /usr/local/bin.
RUN npm install --global --omit=dev --no-audit --no-fund /tmp/qlik-sessions.tgz \
    && rm /tmp/qlik-sessions.tgz \
    && npm cache clean --force
# The image's own unprivileged user (uid 1000); certificates and site knowledge are mounted read-only.
USER node
EXPOSE 3000 8080
# /healthz answers as soon as the process serves; /readyz (Slack connected) is for orchestrators that route traffic.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["qlik-sessions"]
CMD ["serve"]
