package dev.coachos.identity.role;

/** A permission of the catalogue as the API shows it. */
public record PermissionView(String code, String action, String subject, String description) {

    static PermissionView of(Permission permission) {
        return new PermissionView(permission.code(), permission.getAction(), permission.getSubject(),
                permission.getDescription());
    }
}
