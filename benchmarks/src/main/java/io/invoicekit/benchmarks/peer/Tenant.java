package io.invoicekit.benchmarks.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A tenant ({@code users}), as far as issuing needs it: the seller an invoice copies. Not
 * tenant-filtered itself: its id is the tenant, and the peer reads only the session's own.
 */
@Entity
@Table(name = "users")
@Immutable
public class Tenant {

    @Id
    private UUID id;
    private String name;
    @Column(name = "legal_name")
    private String legalName;
    private String address;
    @Column(name = "vat_id")
    private String vatId;

    protected Tenant() {
    }

    /** The name an invoice shows for the seller: the legal name, else the name. */
    String sellerName() {
        return legalName != null ? legalName : name;
    }

    String address() {
        return address;
    }

    String vatId() {
        return vatId;
    }
}
