package dev.coachos.identity.setting;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.platform.data.PageRequests;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The institute's settings: JSON values under lower-case keys, grouped by category. */
@Service
public class SettingAdministration {

    private static final String KEY = "[a-z0-9][a-z0-9_.-]{0,119}";
    private static final Sorting SORTING = Sorting.of(Map.of("key", "key", "category", "category",
            "updatedAt", "updatedAt"), "key", "id");

    private final Settings settings;
    private final JsonMapper json;

    SettingAdministration(Settings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public PageResponse<SettingView> list(String category, Paging paging) {
        return PageResponse.of(category == null ? settings.findAll(PageRequests.of(paging, SORTING))
                : settings.findByCategory(category, PageRequests.of(paging, SORTING)), this::view);
    }

    @Transactional(readOnly = true)
    public SettingView get(String key) {
        return view(settings.findByKey(key).orElseThrow(() -> Problems.notFound("setting", key)));
    }

    /** Creates or replaces the setting. */
    @Transactional
    public SettingView put(String key, SettingChange request) {
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

    @Transactional
    public void delete(String key) {
        settings.delete(settings.findByKey(key).orElseThrow(() -> Problems.notFound("setting", key)));
    }

    private SettingView view(Setting s) {
        return new SettingView(s.getKey(), json.readTree(s.getValue()), s.getCategory(), s.getDescription(),
                s.getUpdatedAt());
    }

    /** A setting's new value (any JSON but null), category and description. */
    public record SettingChange(@NotNull JsonNode value,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9_-]*", message = "lower-case word") String category,
            @Size(max = 300) String description) {
    }

    /** A setting as the API shows it. */
    public record SettingView(String key, JsonNode value, String category, String description, Instant updatedAt) {
    }
}
