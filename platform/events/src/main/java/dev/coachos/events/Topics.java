package dev.coachos.events;

/** One topic per producing domain: {@code coachos.<domain>.events}. */
public final class Topics {

    public static final String IDENTITY = "coachos.identity.events";
    public static final String COURSE = "coachos.course.events";
    public static final String ENROLLMENT = "coachos.enrollment.events";
    public static final String ASSESSMENT = "coachos.assessment.events";
    public static final String FINANCE = "coachos.finance.events";
    public static final String COMMUNICATION = "coachos.communication.events";
    public static final String MARKETING = "coachos.marketing.events";

    private Topics() {
    }

    /** Where records that could not be processed end up, per consumer group and topic. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
