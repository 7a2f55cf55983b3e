package dev.coachos.identity.profile;

import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;

import dev.coachos.identity.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "staff_profile")
public class StaffProfile extends AbstractEntity {

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;
    private String department;
    private String designation;
    @Column(name = "bank_details", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String bankDetailsJson;
    @Column(name = "reporting_to")
    private UUID reportingTo;

    protected StaffProfile() {
    }

    StaffProfile(UUID userId) {
        this.userId = userId;
    }

    void update(String department, String designation, UUID reportingTo) {
        this.department = department;
        this.designation = designation;
        this.reportingTo = reportingTo;
    }

    void setBankDetailsJson(String json) {
        this.bankDetailsJson = json;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getDepartment() {
        return department;
    }

    public String getDesignation() {
        return designation;
    }

    public UUID getReportingTo() {
        return reportingTo;
    }

    String getBankDetailsJson() {
        return bankDetailsJson;
    }
}
