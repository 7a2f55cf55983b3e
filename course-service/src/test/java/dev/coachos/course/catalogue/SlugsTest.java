package dev.coachos.course.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void titlesBecomeLowerCaseHyphenatedAsciiWords() {
        assertThat(Slugs.of("JEE Mathematics: Calculus & Algebra", "course")).isEqualTo("jee-mathematics-calculus-algebra");
        assertThat(Slugs.of("  Café Français — Niveau 2 ", "course")).isEqualTo("cafe-francais-niveau-2");
        assertThat(Slugs.of("C++ / C# for 2027!!", "course")).isEqualTo("c-c-for-2027");
        assertThat(Slugs.of("a".repeat(300), "course")).hasSize(Slugs.MAX_LENGTH);
        assertThat(Slugs.of("गणित", "roadmap")).matches("roadmap-[0-9a-f]{8}").matches(Slugs.PATTERN);
    }
}
