package io.unlearn.cli.security;

/** The principals of a secured cluster, one per service, plus the read-only auditor. */
public enum ServicePrincipal {
    REQUEST_INGEST("request-ingest"),
    WORKER("worker"),
    EVALUATOR("evaluator"),
    AUDITOR("auditor");

    private final String userName;

    ServicePrincipal(String userName) {
        this.userName = userName;
    }

    /** The SASL user name, also the name of the principal's client-config file. */
    public String userName() {
        return userName;
    }

    /** The Kafka principal, {@code User:<name>}. */
    public String kafkaPrincipal() {
        return "User:" + userName;
    }
}
