# Hvem's production image: compiled JavaScript on Node 20, no TypeScript at run time.
#   docker build -t hvem .
#   docker run -p 3978:3978 -v hvem-data:/app/data --env-file .env hvem
# test/dockerfile.test.ts runs these build steps (WORKDIR, COPY, ENV, RUN) in a temporary
# copy of the repository and starts the result, so they cannot rot: keep RUN steps to
# plain commands on relative paths.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
# Build, then drop the development tools (TypeScript, tsx, vitest …) from node_modules.
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY LICENSE THIRD_PARTY_NOTICES.md ./
COPY licenses licenses
# The knowledge shipped with Hvem seeds the data volume. Knowledge, index snapshots and
# the feedback log share one volume: a KNOWLEDGE_FROM_BLOB download swaps the knowledge
# folder by renaming it, which a mount point cannot be.
COPY --chown=node:node knowledge data/knowledge
ENV KNOWLEDGE_DIR=data/knowledge SNAPSHOT_DIR=data/snapshots FEEDBACK_LOG=data/feedback.jsonl
USER node
VOLUME /app/data
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT ?? 3978}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--no-deprecation", "dist/main.js"]
