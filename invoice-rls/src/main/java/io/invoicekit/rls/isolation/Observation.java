package io.invoicekit.rls.isolation;

/** A probe and what it observed: one row of the report. */
record Observation(Probe probe, Outcome outcome) {

    /** True when the database did what a sound one does: the attack was blocked, the control passed. */
    boolean asExpected() {
        return probe.expected().accepts().test(outcome);
    }

    @Override
    public String toString() {
        return probe.attack() + " | " + probe.target() + " | expected " + probe.expected().description()
                + " | observed " + outcome;
    }
}
