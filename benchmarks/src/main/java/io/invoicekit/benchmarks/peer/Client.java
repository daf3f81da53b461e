package io.invoicekit.benchmarks.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A tenant's client. */
@Entity
@Table(name = "clients")
@IdClass(TenantScopedId.class)
public class Client {

    @Id
    @TenantId
    @Column(name = "user_id")
    private UUID userId;
    @Id
    private UUID id;
    private String name;
    private String email;
    @Column(name = "payment_terms_days")
    private int paymentTermsDays;
    private String address;
    @Column(name = "tax_id")
    private String taxId;
    @Version
    private long version;

    protected Client() {
    }

    public UUID id() {
        return id;
    }


    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public int paymentTermsDays() {
        return paymentTermsDays;
    }

    public String address() {
        return address;
    }

    public String taxId() {
        return taxId;
    }

    public long version() {
        return version;
    }
}
