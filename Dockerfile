# News search server: build stage compiles and unit-tests the project, runtime stage carries only
# the binaries, their runtime libraries, the web page, config and the bundled corpus with its index.

FROM debian:bookworm AS build
ARG BUILD_JOBS=2
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ cmake make pkg-config libxapian-dev libcpp-httplib-dev nlohmann-json3-dev \
      libspdlog-dev doctest-dev libsimdjson-dev libjemalloc-dev libxml2-dev libdeflate-dev ca-certificates \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*
WORKDIR /src
# Only what the build reads, so edits to docs or scripts do not invalidate the compile layer.
COPY CMakeLists.txt ./
COPY core/ core/
COPY indexer/ indexer/
COPY server/ server/
COPY tests/ tests/
COPY config/ config/
COPY data/ data/
COPY web/ web/
# Only the targets the image ships plus the unit tests; the unit tests gate the image.
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release \
 && cmake --build /build -j"${BUILD_JOBS}" --target server indexer unit_tests \
 && cd /build && ctest -R '^unit: ' --output-on-failure -j"${BUILD_JOBS}" \
 && strip /build/bin/server /build/bin/indexer
# The bundled corpus is indexed now so the container answers at once.
RUN /build/bin/indexer index --db /out/index --quiet /src/data/corpus

FROM debian:bookworm-slim AS runtime
# Runtime libraries of the binaries (ldd: libxapian, libcpp-httplib, libspdlog, libfmt, libsimdjson, libxml2,
# libdeflate for the server,
# libjemalloc for the indexer and the server; the rest come in as their dependencies). tini forwards SIGTERM to
# the server and reaps children.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libxapian30 libcpp-httplib0.11 libspdlog1.10 libfmt9 libsimdjson14 libjemalloc2 libxml2 libdeflate0 tini \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/log/apt /var/log/dpkg.log /var/cache/debconf/*-old \
 && groupadd --system --gid 10001 search \
 && useradd --system --uid 10001 --gid search --home-dir /app --shell /usr/sbin/nologin search \
 && mkdir -p /data/corpus && chown -R search:search /data

WORKDIR /app
COPY --from=build /build/bin/server /build/bin/indexer /usr/local/bin/
COPY scripts/container-entrypoint /usr/local/bin/container-entrypoint
COPY config/ /app/config/
COPY web/ /app/web/
COPY data/corpus/ /app/data/corpus/
COPY --from=build --chown=search:search /out/index /app/index

ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="news-search" \
      org.opencontainers.image.description="Full-text search server for a news-article corpus (Xapian, C++20)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.base.name="docker.io/library/debian:bookworm-slim"

ENV SEARCH_CONFIG=/app/config/server.json \
    SEARCH_BIND=0.0.0.0 \
    SEARCH_PORT=8080 \
    SEARCH_WEB_DIR=/app/web \
    SEARCH_BAKED_INDEX=/app/index \
    SEARCH_DATA_DIR=/data

USER search
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["/usr/local/bin/server", "--healthcheck"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/container-entrypoint"]
