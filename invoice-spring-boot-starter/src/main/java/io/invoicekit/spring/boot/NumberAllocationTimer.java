package io.invoicekit.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;

/**
 * Times {@value #METRIC}: each call of the database's issuing functions ({@code issue_invoice},
 * {@code issue_credit_note}, migrations V11 and V12, or V19's {@code issue_invoice_row} and V20's
 * {@code issue_credit_note_row}, which call them and return the issued row), which number a document
 * in its series. The
 * series' row lock is taken there and held to the commit, so a second issue in the same series waits
 * inside the call: the timer is that wait plus the numbering, tagged by document and outcome. A jOOQ
 * listener on the store's context; every other statement passes untouched.
 */
final class NumberAllocationTimer implements ExecuteListener {

    static final String METRIC = "invoicekit.number.allocation";

    private static final String STARTED = NumberAllocationTimer.class.getName() + ".started";

    /**
     * The call as jOOQ renders it, quoted or not: {@code select "issue_invoice" from
     * "public"."issue_invoice"(...)}, or {@code ... from "public"."issue_invoice_row"(...)}. jOOQ
     * runs a PostgreSQL function as plain SQL, which names no routine to the listener, so the
     * rendered statement is all there is to recognise it by.
     */
    private static final Pattern ISSUING_CALL = Pattern.compile("\"?(issue_invoice|issue_credit_note)(?:_row)?\"?\\s*\\(");

    private static final Map<String, String> DOCUMENT_BY_FUNCTION = Map.of(
            "issue_invoice", "invoice",
            "issue_credit_note", "credit_note");

    private final Map<String, Timer> timers = new HashMap<>();

    NumberAllocationTimer(MeterRegistry registry) {
        DOCUMENT_BY_FUNCTION.forEach((function, document) -> {
            for (String outcome : new String[] {"success", "failure"}) {
                timers.put(function + " " + outcome, Timer.builder(METRIC).tag("document", document)
                        .tag("outcome", outcome)
                        .description("Issuing a document: the wait for its series' row lock and the numbering")
                        .register(registry));
            }
        });
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        String function = issuingFunction(ctx);
        if (function != null) {
            ctx.data(STARTED, new Started(function, System.nanoTime()));
        }
    }

    /** Called after the execution, whether it succeeded or failed. */
    @Override
    public void end(ExecuteContext ctx) {
        if (ctx.data(STARTED) instanceof Started started) {
            String outcome = ctx.exception() == null && ctx.sqlException() == null ? "success" : "failure";
            timers.get(started.function() + " " + outcome).record(Duration.ofNanos(System.nanoTime() - started.at()));
        }
    }

    private static String issuingFunction(ExecuteContext ctx) {
        String sql = ctx.sql();
        if (ctx.type() != ExecuteType.READ || sql == null || !sql.contains("issue_")) {
            return null;
        }
        Matcher call = ISSUING_CALL.matcher(sql);
        return call.find() ? call.group(1) : null;
    }

    private record Started(String function, long at) {
    }
}
