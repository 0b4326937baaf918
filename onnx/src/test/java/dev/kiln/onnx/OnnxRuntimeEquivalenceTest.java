package dev.kiln.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.graph.Readout;
import dev.kiln.runtime.optim.Sgd;
import dev.kiln.runtime.testing.Batch;
import dev.kiln.samples.blobs.BlobNetModel;
import dev.kiln.samples.fixtures.LinearCeModel;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated model of the samples and their fixtures (the oracle's training networks among them),
 * exported and run in ONNX Runtime: {@code output} and {@code probabilities} equal Kiln's {@code forward}
 * and {@code probabilities} on batches of 1, 7 and 1000 rows (of floats, or of padded token ids), within 1e-5
 * of the values' scale.
 */
class OnnxRuntimeEquivalenceTest {
  private static final double TOLERANCE = 1e-5;

  static Stream<Arguments> models() {
    return GeneratedModels.all(3, BlobNetModel.class, LinearCeModel.class).entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void onnxRuntimeComputesWhatKilnComputes(String name, Supplier<KilnModel> declared) throws Exception {
    KilnModel model = trainedAFewSteps(declared.get());
    int[] exampleShape = model.layers().get(0).inputShape();
    try (OrtModel onnx = new OrtModel(OnnxExport.toBytes(model), exampleShape, 1)) {
      for (int rows : new int[] {1, 7, 1000}) {
        float[] x = model.readsTokens() ? null : gaussian(rows * model.inputSize(), rows);
        int[] tokens = model.readsTokens() ? Batch.tokens(model, rows, new Random(rows)) : null;
        Map<String, float[]> outputs = x != null ? onnx.run(x, rows) : onnx.run(tokens, rows);
        assertClose(x != null ? model.forward(x) : model.forward(tokens), outputs.get("output"),
            name + " output, " + rows + " rows");
        if (model.readout() == Readout.NONE) {
          assertEquals(1, outputs.size(), name + " has no probabilities, so the graph has one output");
        } else {
          assertClose(x != null ? Probabilities.of(model, x) : Probabilities.of(model, tokens),
              outputs.get("probabilities"), name + " probabilities, " + rows + " rows");
        }
      }
    }
  }

  /** A few SGD steps, so that the weights and running statistics are not as initialised. */
  static KilnModel trainedAFewSteps(KilnModel model) {
    KilnTrainer trainer = model.trainer(Sgd.lr(0.05f));
    for (int step = 0; step < 3; step++) Batch.random(model, trainer, 16, step).step(trainer);
    return model;
  }

  static float[] gaussian(int n, long seed) {
    Random random = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) random.nextGaussian();
    return x;
  }

  /** Equal within {@link #TOLERANCE} of the largest magnitude among the expected values. */
  static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": values");
    double scale = 0;
    for (float v : expected) scale = Math.max(scale, Math.abs(v));
    double tolerance = TOLERANCE * Math.max(scale, Float.MIN_NORMAL);
    for (int i = 0; i < expected.length; i++) {
      double error = Math.abs(expected[i] - actual[i]);
      int at = i;
      assertTrue(error <= tolerance || Float.isNaN(expected[i]) && Float.isNaN(actual[i]),
          () -> what + " differs at " + at + ": Kiln " + expected[at] + ", ONNX Runtime " + actual[at]
              + " (tolerance " + tolerance + ")");
    }
  }
}
