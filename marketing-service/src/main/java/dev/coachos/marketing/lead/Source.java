package dev.coachos.marketing.lead;

/** Where a lead came from. WEBSITE is the public enquiry form's; staff choose any of the others. */
public enum Source {
    WEBSITE, WALK_IN, PHONE_CALL, REFERRAL, SOCIAL_MEDIA, ADVERTISEMENT, EVENT, OTHER
}
