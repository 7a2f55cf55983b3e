package dev.coachos.identity.setting;

import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.identity.setting.SettingAdministration.SettingChange;
import dev.coachos.identity.setting.SettingAdministration.SettingView;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.PagingDefaults;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

/** Settings: read with {@code read:settings}, written with {@code manage:settings}. */
@RestController
@RequestMapping("/api/v1/settings")
class SettingController {

    private final SettingAdministration administration;

    SettingController(SettingAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "List settings, optionally of one category")
    @GetMapping
    @PreAuthorize("@permissions.allow('read:settings')")
    PageResponse<SettingView> list(@RequestParam Optional<String> category, @PagingDefaults(size = 50) Paging paging) {
        return administration.list(category.orElse(null), paging);
    }

    @Operation(summary = "Read one setting")
    @GetMapping("/{key}")
    @PreAuthorize("@permissions.allow('read:settings')")
    SettingView get(@PathVariable String key) {
        return administration.get(key);
    }

    @Operation(summary = "Create or replace a setting")
    @PutMapping("/{key}")
    @PreAuthorize("@permissions.allow('manage:settings')")
    SettingView put(@PathVariable String key, @Valid @RequestBody SettingChange request) {
        return administration.put(key, request);
    }

    @Operation(summary = "Delete a setting")
    @DeleteMapping("/{key}")
    @PreAuthorize("@permissions.allow('manage:settings')")
    ResponseEntity<Void> delete(@PathVariable String key) {
        administration.delete(key);
        return ResponseEntity.noContent().build();
    }
}
