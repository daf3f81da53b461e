/**
 * The one error type of the domain: every refused input or operation is a {@link
 * io.invoicekit.core.failure.ValidationException} listing each broken rule as a {@link
 * io.invoicekit.core.validation.Violation}, so a service maps them all to one response.
 */
package io.invoicekit.core.validation;
