package dev.coachos.communication.delivery;

/** Where a message goes: an e-mail address, or a phone by SMS or WhatsApp. */
public enum Channel {
    EMAIL, SMS, WHATSAPP;

    /** Whether messages on this channel wait for the morning during quiet hours. */
    public boolean isQuiet() {
        return this != EMAIL;
    }
}
