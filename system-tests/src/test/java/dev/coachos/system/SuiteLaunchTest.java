package dev.coachos.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which way the system tests start a module: with its ahead-of-time cache only when it fits the jar. */
class SuiteLaunchTest {

    @TempDir
    Path root;

    @Test
    void aModuleWithoutACacheStartsFromItsJar() throws IOException {
        Path jar = jar("course-service", Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(new SuiteProcesses(root).launch("course-service", jar)).containsExactly("-jar", jar.toString());
    }

    @Test
    void aCacheNewerThanTheJarIsUsedWithTheExtractedJar() throws IOException {
        Path jar = jar("course-service", Instant.parse("2026-12-01T10:00:00Z"));
        Path extracted = file("course-service/target/aot/course-service-0.1.0-SNAPSHOT.jar", Instant.parse("2026-12-01T10:00:05Z"));
        Path aot = file("course-service/target/aot/course-service.aot", Instant.parse("2026-12-01T10:00:30Z"));

        assertThat(new SuiteProcesses(root).launch("course-service", jar))
                .containsExactly("-XX:AOTCache=" + aot.toAbsolutePath(), "-XX:AOTMode=on", "-jar",
                        extracted.toAbsolutePath().toString());
    }

    @Test
    void aCacheOlderThanTheJarIsNotUsed() throws IOException {
        file("course-service/target/aot/course-service-0.1.0-SNAPSHOT.jar", Instant.parse("2026-12-01T10:00:05Z"));
        file("course-service/target/aot/course-service.aot", Instant.parse("2026-12-01T10:00:30Z"));
        Path jar = jar("course-service", Instant.parse("2026-12-01T11:00:00Z"));

        assertThat(new SuiteProcesses(root).launch("course-service", jar)).containsExactly("-jar", jar.toString());
    }

    private Path jar(String module, Instant modified) throws IOException {
        return file(module + "/target/" + module + "-0.1.0-SNAPSHOT.jar", modified);
    }

    private Path file(String path, Instant modified) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, path);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
