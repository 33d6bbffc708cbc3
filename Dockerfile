# syntax=docker/dockerfile:1
#
# Newsdesk service image.
#   docker build -t newsdesk .
#   docker compose up -d --build --wait      (with PostgreSQL; see docs/deploy.md)
#
# The container never starts the embedded PostgreSQL: it needs SPRING_DATASOURCE_URL,
# SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (docker-compose.yml sets them).

############################ build ############################
FROM eclipse-temurin:21-jdk-noble AS build
WORKDIR /build

# Dependencies first, so that this layer (~/.m2, including the 474 MB CoreNLP models jar the NER
# model is unpacked from) is rebuilt only when pom.xml or the wrapper changes, not on every source
# edit. generate-resources runs the model unpack against the pom alone (no sources needed);
# dependency:go-offline fetches the rest of the dependencies and plugins.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
RUN ./mvnw -B -ntp generate-resources dependency:go-offline \
 && rm -rf target

COPY db/ db/
COPY src/ src/
# Build, then unpack the executable jar into Spring Boot's layers (dependencies change rarely, the
# application often) and drop the embedded-PostgreSQL binaries (~150 MB for four platforms): the
# container always talks to a PostgreSQL server, and they are only resources read when the
# embedded database starts, which is disabled below. The zonky library itself stays (the
# auto-configuration refers to it and backs off). target/ is removed in the same step so that the
# layer holds only /extracted.
RUN ./mvnw -B -ntp -DskipTests package \
 && java -Djarmode=tools -jar target/newsdesk.jar extract --layers --destination /extracted \
 && rm -f /extracted/dependencies/lib/embedded-postgres-binaries-*.jar \
 && rm -rf target

############################ runtime ############################
FROM eclipse-temurin:21-jre-noble

# Unprivileged user with a fixed uid/gid (no login shell, no home contents needed).
RUN groupadd --system --gid 10001 newsdesk \
 && useradd --system --uid 10001 --gid newsdesk --no-create-home --home-dir /app \
      --shell /usr/sbin/nologin newsdesk

WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY --chmod=0755 docker/healthcheck.sh /usr/local/bin/healthcheck
# The embedded search index (NEWSDESK_SEARCH_INDEX_DIR in docker-compose.yml): a volume mounted here
# takes this directory's owner, so the unprivileged user can write it.
RUN mkdir -p /app/index && chown newsdesk:newsdesk /app/index

# - MaxRAMPercentage: size the heap from the container's memory limit (the JVM is cgroup-aware);
#   the rest is left for metaspace, code cache, thread stacks and the OS.
# - ExitOnOutOfMemoryError: die instead of limping on; the restart policy brings it back.
# JAVA_TOOL_OPTIONS is read by the JVM itself, so the exec-form ENTRYPOINT below keeps java as
# PID 1 (it receives SIGTERM directly and Spring Boot shuts down gracefully). Override it to tune.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:-DontCompileHugeMethods -XX:+ExitOnOutOfMemoryError" \
    PORT=8080 \
    NEWSDESK_EMBEDDEDDB_ENABLED=false

USER newsdesk:newsdesk
EXPOSE 8080

# Liveness only: the process is up and its application context is live. bash's /dev/tcp does the
# HTTP request (the JRE image's curl is not something to rely on, and a JVM per probe is heavy).
# start-period covers Flyway migrations and start-up on a small machine.
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
  CMD ["/usr/local/bin/healthcheck", "/actuator/health/liveness"]

# No command: serve. `docker run IMAGE extract ...` runs the command-line tools instead.
ENTRYPOINT ["java", "-jar", "/app/newsdesk.jar"]
