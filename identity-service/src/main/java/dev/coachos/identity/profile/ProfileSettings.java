package dev.coachos.identity.profile;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.coachos.platform.phone.PhoneNumbers;

/**
 * {@code coachos.identity}: how profiles are read.
 *
 * @param defaultPhoneRegion the region of a guardian's phone written without a country code
 *                           ({@code COACHOS_DEFAULT_PHONE_REGION}, IN when not set)
 */
@ConfigurationProperties("coachos.identity")
public record ProfileSettings(String defaultPhoneRegion) {

    public ProfileSettings {
        defaultPhoneRegion = defaultPhoneRegion == null || defaultPhoneRegion.isBlank() ? "IN"
                : defaultPhoneRegion.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumbers.isSupportedRegion(defaultPhoneRegion)) {
            throw new IllegalArgumentException("coachos.identity.default-phone-region must be a region code such as IN");
        }
    }
}
