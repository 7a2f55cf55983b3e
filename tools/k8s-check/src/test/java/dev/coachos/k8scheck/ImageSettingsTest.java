package dev.coachos.k8scheck;

import static dev.coachos.k8scheck.Manifest.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The images (Jib, root pom.xml, built by tools/images.sh) fit the ahead-of-time caches trained for
 * them and the pods that run them: a cache is only used by a JVM with the collector and object layout
 * it was trained with, from jars (not class folders), at the place the image looks for it; the image's
 * user is the one the manifests run as; and no module that ships as an image is left out of
 * tools/images.sh.
 */
class ImageSettingsTest {

    private static final Path ROOT = OverlaysTest.ROOT;

    @Test
    void everyImageRunsWithItsCachesSettingsFromJars() throws Exception {
        Element jib = jibOfTheRootPom();
        assertThat(text(jib, "containerizingMode")).as("classes as a jar: a cache takes classes from jars only")
                .isEqualTo("packaged");
        List<String> flags = texts(child(child(jib, "container"), "jvmFlags"), "jvmFlag");
        assertThat(flags).as("the settings a cache must be trained and used with (jvm/aot.options)")
                .containsAll(cacheSettings());
        assertThat(ManifestPolicy.REQUIRED_JVM_FLAGS).as("what the policy asks of every pod's JAVA_TOOL_OPTIONS")
                .containsExactlyInAnyOrderElementsOf(cacheSettings());
        assertThat(flags).contains("-XX:AOTCache=/app/aot/${project.artifactId}.aot");
        Element path = child(child(child(jib, "extraDirectories"), "paths"), "path");
        assertThat(text(path, "from")).isEqualTo("${coachos.image.aot}");
        assertThat(text(path, "into")).isEqualTo("/app/aot");
        assertThat(Files.readString(ROOT.resolve("tools/images.sh")))
                .as("where the script leaves the cache is where the pom takes it from")
                .contains("work=\"$ROOT/$module/target/image\"", "\"$work/aot/$name.aot\"");
        assertThat(property("coachos.image.aot")).isEqualTo("${project.build.directory}/image/aot");
        String base = property("coachos.image.base");
        assertThat(base).as("a pinned base image").matches("[a-z0-9./-]+:[0-9][0-9A-Za-z._-]*").doesNotContain(":latest");
        // Settings the environment may change come from JAVA_TOOL_OPTIONS, never ones that would make a cache unusable.
        assertThat(text(child(child(jib, "container"), "environment"), "JAVA_TOOL_OPTIONS")).isEqualTo("${coachos.image.java-tool-options}");
        assertThat(property("coachos.image.java-tool-options")).doesNotContain("GC", "ObjectHeaders", "AOT");
    }

    @Test
    void theImagesUserIsTheOneEveryPodRunsAs() throws Exception {
        String user = text(child(jibOfTheRootPom(), "container"), "user");
        for (String overlay : OverlaysTest.overlays().toList()) {
            for (Manifest manifest : OverlaysTest.rendered(overlay)) {
                if (!Set.of("Deployment", "Job").contains(manifest.kind())) {
                    continue;
                }
                Object podSecurity = at(manifest.body(), "spec", "template", "spec", "securityContext");
                assertThat(at(podSecurity, "runAsUser") + ":" + at(podSecurity, "runAsGroup"))
                        .as(overlay + " " + manifest.kind() + " " + manifest.name()).isEqualTo(user);
            }
        }
    }

    @Test
    void everyModuleThatShipsAsAnImageIsBuiltByTheScript() throws Exception {
        String script = Files.readString(ROOT.resolve("tools/images.sh"));
        Set<String> spring = names(script, "SPRING_MODULES=\\(([^)]*)\\)");
        Set<String> all = new TreeSet<>(spring);
        all.addAll(names(script, "ALL_MODULES=\\(\"\\$\\{SPRING_MODULES\\[@]}\"([^)]*)\\)"));

        Set<String> shipped = new TreeSet<>();
        Set<String> trained = new TreeSet<>();
        try (Stream<Path> poms = Files.walk(ROOT, 3)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.getParent().equals(ROOT)).toList()) {
                String xml = Files.readString(pom);
                String module = ROOT.relativize(pom.getParent()).toString();
                if (xml.contains("<packaging>pom</packaging>")) {
                    continue; // the bill of materials: versions only
                }
                if (xml.contains("<artifactId>jib-maven-plugin</artifactId>") && xml.contains("<skip>false</skip>")) {
                    shipped.add(module);
                    // The script names a cache after the folder, the image looks for it by artifactId.
                    String artifactId = text(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                            .getDocumentElement(), "artifactId");
                    assertThat(artifactId).as(module + "'s artifactId").isEqualTo(pom.getParent().getFileName().toString());
                }
                // The root pom.xml's aot-extract and aot-train, which a Spring module lists to train its cache.
                if (xml.contains("<artifactId>exec-maven-plugin</artifactId>")) {
                    trained.add(module);
                }
            }
        }
        assertThat(shipped).as("modules whose Jib skip is off").isNotEmpty();
        assertThat(all).as("tools/images.sh's modules").isEqualTo(shipped);
        assertThat(spring).as("the modules whose image gets a cache: those the build trains one for").isEqualTo(trained);
    }

    private static Set<String> names(String script, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(script);
        assertThat(matcher.find()).as(regex).isTrue();
        Set<String> names = new LinkedHashSet<>();
        for (String name : matcher.group(1).split("\\s+")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /** The -XX settings of jvm/aot.options. */
    private static List<String> cacheSettings() throws IOException {
        List<String> settings = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("jvm/aot.options"))) {
            String setting = line.strip();
            if (setting.startsWith("-XX:")) {
                settings.add(setting);
            }
        }
        assertThat(settings).isNotEmpty();
        return settings;
    }

    private static Document rootPom() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
    }

    private static Element jibOfTheRootPom() throws Exception {
        Element build = child(rootPom().getDocumentElement(), "build");
        for (Element plugin : children(child(build, "plugins"), "plugin")) {
            if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
                return child(plugin, "configuration");
            }
        }
        throw new AssertionError("the root pom.xml has no jib-maven-plugin in build/plugins");
    }

    private static String property(String name) throws Exception {
        return text(child(rootPom().getDocumentElement(), "properties"), name);
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(parent.getTagName() + "/" + name).hasSize(1);
        return found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(e -> e.getTextContent().strip()).toList();
    }
}
