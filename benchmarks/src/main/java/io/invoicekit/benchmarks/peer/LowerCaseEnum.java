package io.invoicekit.benchmarks.peer;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;

/**
 * An enum stored as the lower-case name of its constant, as the tables store statuses and methods
 * ({@code partially_paid}); {@code EnumType.STRING} would store {@code PARTIALLY_PAID}, which their
 * CHECK constraints refuse.
 */
abstract class LowerCaseEnum<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    LowerCaseEnum(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : Enum.valueOf(type, column.toUpperCase(Locale.ROOT));
    }
}
