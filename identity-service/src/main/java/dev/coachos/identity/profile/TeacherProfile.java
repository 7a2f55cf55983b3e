package dev.coachos.identity.profile;

import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;

import dev.coachos.identity.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "teacher_profile")
public class TeacherProfile extends AbstractEntity {

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;
    private String domain;
    private String bio;
    private String qualification;
    @Column(name = "bank_details", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String bankDetailsJson;

    protected TeacherProfile() {
    }

    TeacherProfile(UUID userId) {
        this.userId = userId;
    }

    void update(String domain, String bio, String qualification) {
        this.domain = domain;
        this.bio = bio;
        this.qualification = qualification;
    }

    void setBankDetailsJson(String json) {
        this.bankDetailsJson = json;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getDomain() {
        return domain;
    }

    public String getBio() {
        return bio;
    }

    public String getQualification() {
        return qualification;
    }

    String getBankDetailsJson() {
        return bankDetailsJson;
    }
}
