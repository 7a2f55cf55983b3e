package dev.coachos.identity.branch;

import dev.coachos.identity.AbstractEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One centre of the institute; staff outside the head office see only their own branch. */
@Entity
@Table(name = "branch")
public class Branch extends AbstractEntity {

    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    private String address;
    private String city;
    private String state;
    private String phone;
    private String email;
    /** The two-digit GST state code, or null. */
    @Column(name = "state_code", length = 2)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String stateCode;
    /** Its GSTIN, issued in {@link #stateCode}, or null for a branch that gives plain receipts. */
    private String gstin;
    @Column(name = "receipt_series", nullable = false)
    private String receiptSeries;
    @Column(name = "is_active", nullable = false)
    private boolean active = true;

    protected Branch() {
    }

    public Branch(String code, String name, String receiptSeries) {
        this.code = code;
        this.name = name;
        this.receiptSeries = receiptSeries;
    }

    public void describe(String name, String address, String city, String state, String phone, String email) {
        this.name = name;
        this.address = address;
        this.city = city;
        this.state = state;
        this.phone = phone;
        this.email = email;
    }

    /** Where it pays GST: the state, and the registration issued there (the caller checks they agree). */
    public void registerForTax(String stateCode, String gstin) {
        this.stateCode = stateCode;
        this.gstin = gstin;
    }

    public void setReceiptSeries(String receiptSeries) {
        this.receiptSeries = receiptSeries;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getCity() {
        return city;
    }

    public String getState() {
        return state;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getStateCode() {
        return stateCode;
    }

    public String getGstin() {
        return gstin;
    }

    public String getReceiptSeries() {
        return receiptSeries;
    }

    public boolean isActive() {
        return active;
    }
}
