package io.unlearn.audit.archfixture;

import io.unlearn.cli.CliException;

/** A deliberate break of the layering, used only to prove the audit's architecture rule can fail. */
public final class AuditClassThatImportsTheLauncher {
    public RuntimeException failure() {
        return new CliException("the audit must not throw the launcher's exception");
    }
}
