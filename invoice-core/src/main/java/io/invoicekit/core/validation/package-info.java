/**
 * How the domain refuses: every refused input or operation is a {@link
 * io.invoicekit.core.failure.ValidationException} listing each broken rule as a {@link
 * io.invoicekit.core.failure.Violation}, collected by {@link io.invoicekit.core.validation.Violations},
 * so a service maps them all to one response. The rules of what reaches the database live here
 * once, in the words of its constraints: {@link io.invoicekit.core.validation.TextRule} for text,
 * {@link io.invoicekit.core.validation.EmailRule} for email addresses, {@link
 * io.invoicekit.core.validation.Violations#checkDate} for dates.
 */
package io.invoicekit.core.validation;
