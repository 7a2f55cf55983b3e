package dev.coachos.k8scheck;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Without kubectl the check fails at once, saying what is missing and what to install. */
class ToolchainTest {

    @Test
    void aMissingKubectlIsNamedWithWhatToInstall() {
        Toolchain toolchain = new Toolchain(OverlaysTest.ROOT.resolve("tools/k8s-check"), "/nonexistent/kubectl");

        assertThatThrownBy(() -> toolchain.render(OverlaysTest.ROOT.resolve("k8s/overlays/local")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("`kubectl kustomize` (kubectl 1.27 or newer")
                .hasMessageContaining("/nonexistent/kubectl version --client` did not answer")
                .hasMessageContaining("Install kubectl");
    }
}
