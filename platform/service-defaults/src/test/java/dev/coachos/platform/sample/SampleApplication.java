package dev.coachos.platform.sample;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** The smallest service that uses service-defaults: what every real service gets without writing it. */
@SpringBootApplication
public class SampleApplication {

    @RestController
    static class Things {

        @GetMapping("/api/v1/things")
        @PreAuthorize("@permissions.allow('read:things')")
        PageResponse<String> list() {
            return PageResponse.of(new PageImpl<>(List.of("a", "b"), PageRequest.of(0, 2), 5), s -> s);
        }

        @PostMapping("/api/v1/things")
        @PreAuthorize("@permissions.allow('create:things')")
        Map<String, Object> create(@Valid @RequestBody NewThing thing) {
            return Map.of("name", thing.name(), "count", thing.count());
        }

        @GetMapping("/api/v1/things/me")
        Map<String, Object> me() {
            Caller caller = Caller.current();
            return Map.of("userId", caller.userId().toString(), "seesAllBranches", caller.seesAllBranches());
        }

        @GetMapping("/api/v1/things/conflict")
        void conflict() {
            throw Problems.conflict("That thing exists already");
        }

        @GetMapping("/api/v1/things/boom")
        void boom() {
            throw new IllegalStateException("secret internals at db-host-7");
        }
    }

    record NewThing(@NotBlank String name, @Min(1) int count) {
    }
}
