package dev.coachos.identity.setting;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/settings")
class SettingController {

    private static final String KEY = "[a-z0-9][a-z0-9_.-]{0,119}";

    private final Settings settings;
    private final JsonMapper json;

    SettingController(Settings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:settings')")
    PageResponse<SettingView> list(@RequestParam Optional<String> category,
            @PageableDefault(size = 50, sort = "key") Pageable pageable) {
        return PageResponse.of(category.map(c -> settings.findByCategory(c, pageable))
                .orElseGet(() -> settings.findAll(pageable)), this::view);
    }

    @GetMapping("/{key}")
    @PreAuthorize("@permissions.allow('read:settings')")
    SettingView get(@PathVariable String key) {
        return view(settings.findByKey(key).orElseThrow(() -> Problems.notFound("setting", key)));
    }

    /** Creates or replaces the setting. */
    @PutMapping("/{key}")
    @PreAuthorize("@permissions.allow('manage:settings')")
    @Transactional
    SettingView put(@PathVariable String key,
            @Valid @RequestBody SettingChange request) {
        if (!key.matches(KEY)) {
            throw Problems.invalidField("key", "use lower-case letters, digits, dots, dashes and underscores");
        }
        if (request.value().isNull()) {
            throw Problems.invalidField("value", "must not be null; delete the setting instead");
        }
        Setting setting = settings.findByKey(key).orElseGet(() -> new Setting(key));
        String value = json.writeValueAsString(request.value());
        if (value.length() > 64 * 1024) {
            throw Problems.invalidField("value", "must be at most 64 KiB of JSON");
        }
        setting.change(value, request.category(), request.description());
        return view(settings.saveAndFlush(setting));
    }

    @DeleteMapping("/{key}")
    @PreAuthorize("@permissions.allow('manage:settings')")
    @Transactional
    ResponseEntity<Void> delete(@PathVariable String key) {
        settings.delete(settings.findByKey(key).orElseThrow(() -> Problems.notFound("setting", key)));
        return ResponseEntity.noContent().build();
    }

    private SettingView view(Setting s) {
        return new SettingView(s.getKey(), json.readTree(s.getValue()), s.getCategory(), s.getDescription(),
                s.getUpdatedAt());
    }

    record SettingChange(@NotNull JsonNode value,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9_-]*", message = "lower-case word") String category,
            @Size(max = 300) String description) {
    }

    record SettingView(String key, JsonNode value, String category, String description, Instant updatedAt) {
    }
}
