package dev.coachos.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void anExactGrantAllowsOnlyItself() {
        assertThat(Caller.allows(List.of("read:users"), "read:users")).isTrue();
        assertThat(Caller.allows(List.of("read:users"), "update:users")).isFalse();
        assertThat(Caller.allows(List.of("read:users"), "read:roles")).isFalse();
    }

    @Test
    void manageCoversEveryActionOnItsSubjectOnly() {
        assertThat(Caller.allows(List.of("manage:users"), "delete:users")).isTrue();
        assertThat(Caller.allows(List.of("manage:users"), "read:roles")).isFalse();
    }

    @Test
    void allCoversEverySubjectForItsAction() {
        assertThat(Caller.allows(List.of("read:all"), "read:finance")).isTrue();
        assertThat(Caller.allows(List.of("read:all"), "update:finance")).isFalse();
        assertThat(Caller.allows(List.of("manage:all"), "access:all_branches")).isTrue();
    }

    @Test
    void aMalformedRequirementIsAProgrammingError() {
        assertThatThrownBy(() -> Caller.allows(List.of("manage:all"), "users")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void branchReachFollowsAllBranchesOrTheCallersOwnBranch() {
        UUID own = UUID.randomUUID();
        Caller branchStaff = new Caller(UUID.randomUUID(), Set.of("BACKOFFICE"), Set.of("read:users"), Optional.of(own),
                Optional.empty(), Optional.empty(), Optional.empty());
        Caller headOffice = new Caller(UUID.randomUUID(), Set.of("ADMIN"), Set.of("access:all_branches"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(branchStaff.reaches(Optional.of(own))).isTrue();
        assertThat(branchStaff.reaches(Optional.of(UUID.randomUUID()))).isFalse();
        assertThat(branchStaff.reaches(Optional.empty())).isFalse();
        assertThat(headOffice.reaches(Optional.of(UUID.randomUUID()))).isTrue();
        assertThat(headOffice.reaches(Optional.empty())).isTrue();
    }
}
