package dev.coachos.identity.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.ListIndexBase;
import org.hibernate.type.SqlTypes;

import dev.coachos.identity.AbstractEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "student_profile")
public class StudentProfile extends AbstractEntity {

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;
    @Column(name = "enrollment_date")
    private LocalDate enrollmentDate;
    @Column(name = "batch_id")
    private UUID batchId;
    /** Fee concession in INR. */
    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal discount = BigDecimal.ZERO;
    /** The two-digit GST code of the state the student lives in, or null when not known. */
    @Column(name = "state_code", length = 2)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String stateCode;
    /** At most two, in the order given; position 1 is the first to be told. */
    @ElementCollection
    @CollectionTable(name = "student_guardian", joinColumns = @JoinColumn(name = "student_profile_id"))
    @OrderColumn(name = "position", nullable = false)
    @ListIndexBase(1)
    private List<Guardian> guardians = new ArrayList<>();

    protected StudentProfile() {
    }

    StudentProfile(UUID userId) {
        this.userId = userId;
    }

    void update(LocalDate enrollmentDate, UUID batchId, BigDecimal discount, String stateCode) {
        this.enrollmentDate = enrollmentDate;
        this.batchId = batchId;
        this.discount = discount == null ? BigDecimal.ZERO : discount;
        this.stateCode = stateCode;
    }

    /** Replaces the guardians, all of them. */
    void replaceGuardians(List<Guardian> replacement) {
        guardians.clear();
        guardians.addAll(replacement);
    }

    public List<Guardian> getGuardians() {
        return List.copyOf(guardians);
    }

    public UUID getUserId() {
        return userId;
    }

    public LocalDate getEnrollmentDate() {
        return enrollmentDate;
    }

    public UUID getBatchId() {
        return batchId;
    }

    public BigDecimal getDiscount() {
        return discount;
    }

    public String getStateCode() {
        return stateCode;
    }
}
