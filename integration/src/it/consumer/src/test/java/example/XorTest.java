package example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.onnx.OnnxExport;
import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.train.FitOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XorTest {
  private static final float[] X = {0, 0, 0, 1, 1, 0, 1, 1};
  private static final int[] Y = {0, 1, 1, 0};

  @Test
  void theGeneratedModelLearnsXorAndExportsToOnnx(@TempDir Path dir) throws Exception {
    XorModel model = XorModel.create(1);
    model.trainer(Adam.lr(0.05f)).fit(Dataset.ofClasses(X, 2, Y), FitOptions.epochs(300).batchSize(4));
    assertArrayEquals(Y, model.predict(X));
    Path file = dir.resolve("xor.onnx");
    OnnxExport.write(model, file);
    assertTrue(Files.size(file) > 0);
  }
}
