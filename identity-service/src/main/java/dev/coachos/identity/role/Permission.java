package dev.coachos.identity.role;

import java.util.UUID;

import dev.coachos.platform.data.UuidV7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An {@code action:subject} grant, such as {@code read:users} or {@code manage:finance}. */
@Entity
@Table(name = "permission")
public class Permission {

    @Id
    private UUID id = UuidV7.next();
    @Column(nullable = false)
    private String action;
    @Column(nullable = false)
    private String subject;
    private String description;

    protected Permission() {
    }

    public UUID getId() {
        return id;
    }

    public String getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    /** The form tokens and APIs use: {@code action:subject}. */
    public String code() {
        return action + ":" + subject;
    }
}
