package io.unlearn.ml;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's grad mode is per thread and starts enabled on every thread except the one that loaded the engine (DJL
 * disables it there). Code that updates parameters in place between gradient collectors (the SAE's Adam) fails
 * on a fresh thread with "a leaf Variable that requires grad is being used in an in-place operation". DJL has no
 * public call for this, hence the engine-specific one; a collector restores the mode it found when it closes.
 */
public final class GradMode {

    private GradMode() {
    }

    /** Disables grad mode on the calling thread, as on the thread that loaded the engine; no-op on other engines. */
    public static void disableOnThisThread() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
