package io.invoicekit.persistence.internal;

import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.impl.AbstractBinding;
import org.jooq.impl.DefaultBinding;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ's binding of {@code date}, except that a value is bound as a {@link LocalDate}, which the
 * driver sends typed as {@code date}. jOOQ binds a {@code java.sql.Date}, which the driver sends
 * untyped; a statement with an untyped parameter is described once prepared, and the driver then
 * syncs and waits before sending any described statement whose rows it cannot bound in size. The
 * tenant setting folded in front of a date-filtered list (overdue invoices) would then cost a round
 * trip of its own. Generated code uses it for every {@code date} column and parameter (codegen.xml).
 */
public final class DateBinding extends AbstractBinding<LocalDate, LocalDate> {

    private static final Binding<LocalDate, LocalDate> JOOQ = DefaultBinding.binding(SQLDataType.LOCALDATE);

    @Override
    public Converter<LocalDate, LocalDate> converter() {
        return JOOQ.converter();
    }

    /** As jOOQ renders it ({@code cast(? as date)}), so that the SQL stays what it was. */
    @Override
    public void sql(BindingSQLContext<LocalDate> ctx) throws SQLException {
        JOOQ.sql(ctx);
    }

    @Override
    public void set(BindingSetStatementContext<LocalDate> ctx) throws SQLException {
        if (ctx.value() == null) {
            JOOQ.set(ctx);
        } else {
            ctx.statement().setObject(ctx.index(), ctx.value(), Types.DATE);
        }
    }

    @Override
    public void get(BindingGetResultSetContext<LocalDate> ctx) throws SQLException {
        JOOQ.get(ctx);
    }
}
