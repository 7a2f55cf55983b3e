package dev.coachos.identity.profile;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface TeacherProfiles extends JpaRepository<TeacherProfile, UUID> {

    Optional<TeacherProfile> findByUserId(UUID userId);
}
