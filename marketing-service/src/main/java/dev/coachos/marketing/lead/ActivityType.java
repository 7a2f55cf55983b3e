package dev.coachos.marketing.lead;

/**
 * What happened with a lead. Staff record CALL, EMAIL, MEETING, NOTE and WHATSAPP; the service
 * records STAGE_CHANGE (each move along the pipeline), ENQUIRY (the same person asked again, from the
 * website or at the counter) and CONVERSION (the conversion's steps).
 */
public enum ActivityType {
    CALL, EMAIL, MEETING, NOTE, WHATSAPP, STAGE_CHANGE, ENQUIRY, CONVERSION;

    /** Whether staff may record this type by hand. */
    public boolean isManual() {
        return this == CALL || this == EMAIL || this == MEETING || this == NOTE || this == WHATSAPP;
    }
}
