# tsos-monitor service image. Build the jar first (./mvnw package: service/target/tsos.jar and its
# dependencies in service/target/lib/), then: docker compose build tsos
FROM eclipse-temurin:17-jre

RUN groupadd --system tsos && useradd --system --gid tsos --home-dir /app --no-create-home tsos

WORKDIR /app
# Dependencies first: they change less often than the application jar.
COPY service/target/lib/ /app/lib/
COPY service/target/tsos.jar /app/tsos.jar

# The data directory keeps the first administrator's token (data/admin-token, mode 600); mount a volume on it.
RUN mkdir /app/data && chown tsos:tsos /app/data
VOLUME /app/data

USER tsos
# gRPC API, Prometheus /metrics
EXPOSE 50051 9464

ENTRYPOINT ["java", "-jar", "/app/tsos.jar"]
CMD ["serve", "--data-dir", "/app/data", "--bind", "0.0.0.0", "--grpc-port", "50051", "--metrics-port", "9464"]
