# Builds and runs Snodo. Used by docker-compose.yml; the tests never need Docker.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY cypher cypher
COPY src src
RUN mvn -B -q -DskipTests package && cp target/snodo-*.jar /snodo.jar

FROM eclipse-temurin:17-jre
COPY --from=build /snodo.jar /app/snodo.jar
EXPOSE 8080
# The jar's manifest carries the --add-opens that Neo4j needs.
ENTRYPOINT ["java", "-jar", "/app/snodo.jar"]
