package dev.kiln.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.data.Dataset;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccuracyTest {
  /** Row counts that {@code predict} was called with. */
  private final List<Integer> calls = new ArrayList<>();

  @Test
  void countsEveryRowOfADatasetLongerThanAChunkAndItsTail() {
    int rows = 2 * Accuracy.ROWS + 452;
    float[] features = new float[rows * 2];
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = i % 3;
      // The model predicts the first feature: right except on every fifth row.
      features[2 * i] = i % 5 == 0 ? (i + 1) % 3 : i % 3;
    }
    double accuracy = Accuracy.of(modelPredictingFirstFeature(2), Dataset.ofClasses(features, 2, labels));
    assertEquals(0.8, accuracy, 1e-12);
    assertEquals(List.of(Accuracy.ROWS, Accuracy.ROWS, 452), calls);
  }

  @Test
  void withALabelPerPositionCountsOnlyPositionsWhoseLabelIsAClass() {
    // Two rows of three tokens; the model predicts each position's token.
    int[] tokens = {1, 2, 0, 2, 2, 1};
    int[] labels = {1, -100, 1, 2, -100, -100};
    double accuracy = Accuracy.of(modelPredictingTokens(), Dataset.ofTokens(tokens, 3, labels));
    assertEquals(2.0 / 3, accuracy, 1e-12);
  }

  @Test
  void neverPredictsMoreThanAChunkOfRowsAtOnce() {
    int rows = 5 * Accuracy.ROWS;
    Accuracy.of(modelPredictingFirstFeature(1), Dataset.ofClasses(new float[rows], 1, new int[rows]));
    assertTrue(calls.stream().allMatch(n -> n <= Accuracy.ROWS), calls.toString());
  }

  private KilnModel modelPredictingFirstFeature(int width) {
    return model(args -> {
      float[] x = (float[]) args[0];
      int[] predicted = new int[x.length / width];
      calls.add(predicted.length);
      for (int i = 0; i < predicted.length; i++) predicted[i] = (int) x[i * width];
      return predicted;
    });
  }

  private KilnModel modelPredictingTokens() {
    return model(args -> ((int[]) args[0]).clone());
  }

  /** What the model's {@code predict} returns for its arguments. */
  interface Predict {
    int[] predict(Object[] args);
  }

  /** A model whose only working method is {@code predict}. */
  private static KilnModel model(Predict predict) {
    return (KilnModel) Proxy.newProxyInstance(KilnModel.class.getClassLoader(), new Class<?>[] {KilnModel.class},
        (proxy, method, args) -> {
          if (method.getName().equals("predict")) return predict.predict(args);
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
