package dev.coachos.marketing.campaign;

/** Where a campaign reaches people. */
public enum Channel {
    EMAIL, SMS, SOCIAL, GOOGLE_ADS, FACEBOOK_ADS, INSTAGRAM_ADS, WHATSAPP, REFERRAL, EVENT, PRINT, OTHER
}
