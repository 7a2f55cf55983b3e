package dev.coachos.identity.role;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Every permission the suite knows. */
public interface PermissionCatalog extends JpaRepository<Permission, UUID> {

    Optional<Permission> findByActionAndSubject(String action, String subject);

    default Optional<Permission> findByCode(String code) {
        int colon = code.indexOf(':');
        return colon <= 0 ? Optional.empty() : findByActionAndSubject(code.substring(0, colon), code.substring(colon + 1));
    }
}
