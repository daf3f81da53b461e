package io.invoicekit.persistence.health;

/** How a health check came out, from fine to broken; {@link #NOT_AVAILABLE} when it could not look. */
public enum Status {
    /** Nothing to act on. */
    OK,
    /** Worth a look: a threshold crossed, or something pending. */
    WARN,
    /** Broken: act now (a failed migration, an INVALID index, tenants not isolated, ...). */
    FAIL,
    /** The check could not look (an extension not installed, a role that cannot see the rows). */
    NOT_AVAILABLE
}
