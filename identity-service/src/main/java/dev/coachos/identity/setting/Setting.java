package dev.coachos.identity.setting;

import org.hibernate.annotations.ColumnTransformer;

import dev.coachos.identity.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A key with a JSON value, such as {@code site.name} or {@code fees.gst-rate}. */
@Entity
@Table(name = "setting")
public class Setting extends AbstractEntity {

    @Column(nullable = false, updatable = false)
    private String key;
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String value;
    @Column(nullable = false)
    private String category;
    private String description;

    protected Setting() {
    }

    Setting(String key) {
        this.key = key;
    }

    void change(String valueJson, String category, String description) {
        this.value = valueJson;
        this.category = category;
        this.description = description;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public String getCategory() {
        return category;
    }

    public String getDescription() {
        return description;
    }
}
