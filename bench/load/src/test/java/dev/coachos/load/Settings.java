package dev.coachos.load;

/**
 * The run's settings, each a system property (-Dusers.per.sec=2) or else an environment variable
 * (USERS_PER_SEC=2), else its default.
 *
 * @param gateway          the gateway's address (loopback by default)
 * @param usersPerSec      new journeys started per second, all kinds together, once ramped up
 * @param durationSec      how long journeys are started for, ramp-up included
 * @param rampSec          how long the rate takes to climb from nothing to {@code usersPerSec}
 * @param maxSec           the bound: the run is stopped after this long whatever is still running
 * @param students         students made by the setup (each used by one journey at a time)
 * @param teachers         teachers made by the setup, each with a batch
 * @param thinkScale       multiplies every think-time pause (0 for none)
 * @param setupThreads     requests the setup sends at once
 * @param plansWaitSec     how long the setup waits for finance-service to raise the fee plans
 */
record Settings(String gateway, double usersPerSec, int durationSec, int rampSec, int maxSec, int students,
        int teachers, double thinkScale, int setupThreads, int plansWaitSec, String directorEmail,
        String directorPassword) {

    static Settings read() {
        String gateway = value("gateway", "http://localhost:8080");
        double rate = Double.parseDouble(value("users.per.sec", "2"));
        int duration = Integer.parseInt(value("duration.sec", "60"));
        int ramp = Integer.parseInt(value("ramp.sec", Integer.toString(Math.min(30, duration / 4))));
        int max = Integer.parseInt(value("max.sec", Integer.toString(duration + 120)));
        if (rate <= 0 || duration < 1 || ramp < 0 || ramp > duration || max < duration) {
            throw new IllegalArgumentException("need users.per.sec > 0, duration.sec >= 1, 0 <= ramp.sec <= duration.sec"
                    + " and max.sec >= duration.sec");
        }
        return new Settings(gateway.replaceAll("/+$", ""), rate, duration, ramp, max,
                Integer.parseInt(value("students", "120")), Integer.parseInt(value("teachers", "3")),
                Double.parseDouble(value("think.scale", "1")), Integer.parseInt(value("setup.threads", "4")),
                Integer.parseInt(value("plans.wait.sec", "180")),
                value("director.email", "director@coachos.local"), value("director.password", "local-director-pass"));
    }

    private static String value(String property, String fallback) {
        String set = System.getProperty(property);
        if (set == null || set.isBlank()) {
            set = System.getenv(property.toUpperCase().replace('.', '_'));
        }
        return set == null || set.isBlank() ? fallback : set.trim();
    }

    @Override
    public String toString() {
        return "gateway " + gateway + ", " + usersPerSec + " journeys/s for " + durationSec + " s (ramp-up " + rampSec
                + " s, stopped at " + maxSec + " s), " + students + " students, " + teachers + " teachers, think time x"
                + thinkScale;
    }
}
