package io.unlearn.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class DevicesTest {

    @Test
    void cpuByDefaultGpuOnlyWhenTheEngineHasOne() {
        assertThat(Devices.resolve(null)).isEqualTo(Device.cpu());
        assertThat(Devices.resolve("CPU")).isEqualTo(Device.cpu());
        Device gpu = Devices.resolve("gpu");
        assertThat(gpu).isEqualTo(Engine.getInstance().getGpuCount() > 0 ? Device.gpu(0) : Device.cpu());
        assertThatThrownBy(() -> Devices.resolve("tpu")).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("use cpu, gpu or gpu:N");
        assertThatThrownBy(() -> Devices.resolve("gpu:x")).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("gpu:0");
    }
}
