package io.unlearn.runtime.archfixture;

import io.unlearn.worker.WorkerConfig;

/** A deliberate break of the layering (the runtime reaching into a service), used only to prove the rule can fail. */
public final class RuntimeClassThatImportsAService {
    public Object keys() {
        return WorkerConfig.CONFIG_DEF.names();
    }
}
