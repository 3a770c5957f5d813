package io.unlearn.ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.unlearn.ml.TestData;
import io.unlearn.ml.UnlearnException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

    @TempDir
    Path dir;

    @Test
    void fashionMnistHasStableIdsSubjectsAndLabels() {
        UnlearnDataset data = TestData.fashionMnist();
        assertThat(data.train().size()).isEqualTo(60_000);
        assertThat(data.test().size()).isEqualTo(10_000);
        assertThat(data.train().id(123)).isEqualTo("fmnist/train/000123");
        assertThat(data.train().source().subject(59)).isEqualTo("fmnist/train/subject-00000");
        assertThat(data.train().source().subject(60)).isEqualTo("fmnist/train/subject-00001");
        assertThat(data.subjectIds("fmnist/train/subject-00002")).hasSize(60).startsWith("fmnist/train/000120");
        assertThat(data.train().label(0)).isEqualTo(9); // the first Fashion-MNIST image is an ankle boot
        assertThat(data.classIds(3)).hasSize(6000);
    }

    @Test
    void theServicesDataSliceKeepsTheTrainCountAndAtLeast500TestSamples() {
        UnlearnDataset data = TestData.fashionMnist();
        assertThat(data.limitedTo(0)).isSameAs(data);
        assertThat(data.limitedTo(1200).train().size()).isEqualTo(1200);
        assertThat(data.limitedTo(1200).test().size()).isEqualTo(500);
        assertThat(data.limitedTo(12_000).test().size()).isEqualTo(2000);
        assertThat(data.limitedTo(12_000).train().ids()).startsWith("fmnist/train/000000");
        assertThatThrownBy(() -> data.limitedTo(-1)).isInstanceOf(UnlearnException.class).hasMessageContaining("negative");
    }

    @Test
    void splitsIntoForgetRetainTestViews() {
        UnlearnDataset data = TestData.fashionSlice(100, 20);
        List<String> forget = data.randomForgetIds(0.1, 1);
        assertThat(forget).hasSize(10).isEqualTo(data.randomForgetIds(0.1, 1));
        ForgetSplit split = data.split(forget);
        assertThat(split.forget().ids()).containsExactlyElementsOf(forget);
        assertThat(split.retain().size()).isEqualTo(90);
        assertThat(split.retain().ids()).doesNotContainAnyElementsOf(forget);
        assertThat(split.test().size()).isEqualTo(20);
        List<String> shuffled = new java.util.ArrayList<>(forget);
        java.util.Collections.reverse(shuffled);
        assertThat(data.split(shuffled).forget().ids()).as("views are in training order whatever the input order")
                .containsExactlyElementsOf(forget);
        assertThat(data.split(java.util.Set.copyOf(forget)).forgetIds()).containsExactlyElementsOf(forget);
    }

    @Test
    void badForgetSetsGiveClearErrors() {
        UnlearnDataset data = TestData.fashionSlice(100, 20);
        assertThatThrownBy(() -> data.split(List.of())).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("forget set is empty");
        assertThatThrownBy(() -> data.split(List.of("fmnist/train/000001", "nope/1", "fmnist/test/000001")))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("2 unknown sample id(s)")
                .hasMessageContaining("nope/1").hasMessageContaining("fmnist/test/000001");
        assertThatThrownBy(() -> data.split(data.train().ids())).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("covers all 100 training samples");
        assertThatThrownBy(() -> data.split(List.of("fmnist/train/000200"))).as("outside the slice")
                .isInstanceOf(UnlearnException.class).hasMessageContaining("unknown");
        assertThatThrownBy(() -> data.split(List.of("fmnist/train/000001"), List.of("fmnist/train/000001")))
                .isInstanceOf(UnlearnException.class).hasMessageContaining("overlap");
    }

    @Test
    void missingOrCorruptIdxFilesNameThePathAndTheFix() throws Exception {
        assertThatThrownBy(() -> FashionMnist.load(dir.resolve("absent"))).isInstanceOf(UnlearnException.class)
                .hasMessageContaining(dir.resolve("absent").toString()).hasMessageContaining("dataset-fashion-mnist");
        Files.write(dir.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0});
        assertThatThrownBy(() -> FashionMnist.load(dir)).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("train-images-idx3-ubyte is truncated").hasMessageContaining("apt-get install");
        Files.write(dir.resolve("train-images-idx3-ubyte"), "hello world, not idx".getBytes());
        assertThatThrownBy(() -> FashionMnist.load(dir)).isInstanceOf(UnlearnException.class)
                .hasMessageContaining("is not an IDX file");
    }

    @Test
    void readsCsvWithStringLabelsIdsAndSubjects() throws Exception {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        Files.writeString(train, "id,customer,x1,x2,label\na,c1,1.0,2.0,yes\nb,c1,3,4,no\nc,c2,5,6,yes\n");
        Files.writeString(test, "id,customer,x1,x2,label\nt1,c9,0.5,0.5,no\n");
        UnlearnDataset data = CsvDatasetReader.builder().setName("loans").setTrainFile(train).setTestFile(test)
                .setLabelColumn("label").optIdColumn("id").optSubjectColumn("customer").build().read();
        assertThat(data.train().source().classNames()).containsExactly("yes", "no");
        assertThat(data.train().ids()).containsExactly("a", "b", "c");
        assertThat(data.subjectIds("c1")).containsExactly("a", "b");
        float[] row = new float[2];
        data.train().source().copyFeatures(1, row, 0);
        assertThat(row).containsExactly(3f, 4f);
        assertThat(data.test().label(0)).isEqualTo(1);
        assertThat(data.split(List.of("b")).retain().ids()).containsExactly("a", "c");

        Files.writeString(test, "id,customer,x1,x2,label\nt1,c9,oops,0.5,no\n");
        assertThatThrownBy(() -> CsvDatasetReader.builder().setName("loans").setTrainFile(train).setTestFile(test)
                .setLabelColumn("label").optIdColumn("id").optSubjectColumn("customer").build().read())
                .isInstanceOf(UnlearnException.class).hasMessageContaining("line 2 column 'x1'");
        assertThatThrownBy(() -> CsvDatasetReader.builder().setName("x").build())
                .isInstanceOf(UnlearnException.class).hasMessageContaining("setTrainFile");
    }
}
