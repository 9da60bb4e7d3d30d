# One image recipe for every service of the pipeline; MODULE names the Maven module.
# Build from the repository root, e.g.:
#   docker build -f docker/service.Dockerfile --build-arg MODULE=ingest-api -t timesheets/ingest-api .
# (auth-server, ingest-api, processor, query-api, uploader-job; docker-compose.yml passes it.)
FROM eclipse-temurin:17.0.15_6-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN test -n "${MODULE}" || { echo "set --build-arg MODULE=<module>" >&2; exit 1; }
RUN ./mvnw -B -q -DskipTests -pl ${MODULE} -am package && cp ${MODULE}/target/${MODULE}-*-exec.jar /src/app.jar

FROM eclipse-temurin:17.0.15_6-jre
RUN groupadd --system timesheets && useradd --system --gid timesheets --home-dir /app timesheets
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
USER timesheets
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
