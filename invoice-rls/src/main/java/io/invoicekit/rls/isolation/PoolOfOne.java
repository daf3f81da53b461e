package io.invoicekit.rls.isolation;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * A HikariCP pool of exactly one connection: every borrower gets the session the previous one
 * returned, which is what makes a leftover tenant visible. The caller closes it.
 */
final class PoolOfOne {

    private PoolOfOne() {
    }

    static HikariDataSource over(DataSource dataSource) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(1);
        config.setPoolName("pool-of-one");
        return new HikariDataSource(config);
    }
}
