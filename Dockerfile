# cochef: a static binary (CGO off: SQLite is the pure-Go modernc.org/sqlite)
# on distroless "static" (CA certificates, tzdata, a nonroot user; no shell).
#
#   docker build -t cochef .
#   docker run -p 8080:8080 -v cochef-data:/data \
#     -e COCHEF_GITHUB_WEBHOOK_SECRET=… -e COCHEF_GITHUB_APP_ID=… \
#     -e COCHEF_GITHUB_PRIVATE_KEY_FILE=/run/secrets/github-app.pem … cochef
#
# See docs/install.md and docs/operations.md.

FROM golang:1.26 AS build
WORKDIR /src
# Modules first: this layer is reused while only the code changes.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# .git is not sent to the daemon, so the toolchain cannot stamp the commit:
# pass it, for "cochef version" and cochef_build_info, with
#   docker build --build-arg COMMIT=$(git rev-parse HEAD) \
#     --build-arg DATE=$(git log -1 --format=%cI) --build-arg VERSION=$(git describe --tags --always) -t cochef .
ARG VERSION="" COMMIT="" DATE=""
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath \
      -ldflags="-s -w -X github.com/cochef/cochef/internal/version.version=${VERSION} -X github.com/cochef/cochef/internal/version.commit=${COMMIT} -X github.com/cochef/cochef/internal/version.date=${DATE}" \
      -o /out/cochef ./cmd/cochef \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/cochef /usr/local/bin/cochef
# The SQLite database (default store) lives in the volume; with
# COCHEF_DATABASE=postgres://… nothing is written to disk.
COPY --from=build --chown=65532:65532 /out/data /data
WORKDIR /data
ENV COCHEF_LISTEN=:8080 \
    COCHEF_DATABASE=/data/cochef.db
VOLUME ["/data"]
EXPOSE 8080
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/cochef"]
CMD ["serve"]
