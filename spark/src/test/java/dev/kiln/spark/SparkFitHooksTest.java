package dev.kiln.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.runtime.data.Dataset;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import dev.kiln.runtime.train.EarlyStopping;
import dev.kiln.runtime.train.EpochResult;
import dev.kiln.runtime.train.Metric;
import dev.kiln.runtime.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early stopping, plateau schedules, listeners and the metrics file in {@code KilnSpark.fit}, as in
 * {@code fit}: Keras's stopping rule on the metrics the driver measured, and a run stopped by a listener and
 * started again that ends, rates and metrics file included, as one never stopped.
 */
class SparkFitHooksTest extends LocalSpark {
  @TempDir Path dir;

  private static JavaRDD<Example> noise() {
    return spark.parallelize(Rows.labelled(30, 6, 3, 5), 2);
  }

  private static Dataset validation() {
    List<Example> rows = Rows.labelled(200, 6, 3, 6);
    float[] x = new float[rows.size() * 6];
    int[] y = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i).features(), 0, x, i * 6, 6);
      y[i] = rows.get(i).label();
    }
    return Dataset.ofClasses(x, 6, y);
  }

  private static final class Stop extends RuntimeException {}

  @Test
  void earlyStoppingStopsWhereKerassRuleStopsAndRestoresTheBestEpoch() {
    List<EpochResult> seen = new ArrayList<>();
    List<float[]> weights = new ArrayList<>();
    ClassifierModel model = ClassifierModel.create(1);
    TrainingHistory history = KilnSpark.fit(model, Adam.lr(0.05f), noise(), SparkFitOptions.epochs(80).batchSize(10)
        .shuffle(2).progress(false).validation(validation())
        .earlyStopping(EarlyStopping.on(Metric.VALIDATION_LOSS).patience(2).restoreBestWeights(true))
        .onEpochEnd(r -> {
          seen.add(r);
          weights.add(model.parameters().clone());
        }));
    double[] losses = seen.stream().mapToDouble(EpochResult::validationLoss).toArray();
    // Keras's rule, as EarlyStoppingTest in the samples writes it out.
    double best = Double.POSITIVE_INFINITY;
    int wait = 0;
    int bestEpoch = 0;
    int stopped = 0;
    for (int e = 0; e < losses.length && stopped == 0; e++) {
      wait++;
      if (losses[e] < best) {
        best = losses[e];
        bestEpoch = e + 1;
        wait = 0;
      } else if (wait >= 2 && e > 0) {
        stopped = e + 1;
      }
    }
    assertTrue(stopped > 0 && stopped < 80, "the network overfits, so Keras stops early: " + stopped);
    assertEquals(stopped, history.stoppedEpoch());
    assertEquals(bestEpoch, history.bestEpoch());
    assertArrayEquals(weights.get(bestEpoch - 1), model.parameters());
  }

  private SparkFitOptions options(long stopAtStep) {
    return SparkFitOptions.epochs(5).batchSize(10).shuffle(3).progress(false).validation(validation())
        .schedule(LearningRateSchedule.onPlateau(Metric.VALIDATION_LOSS, 0.5, 0).threshold(0.1))
        .metricsFile(dir.resolve("metrics.jsonl"))
        .checkpointDirectory(dir.resolve("checkpoints").toString()).checkpointEverySteps(1)
        .onStepEnd((step, loss) -> {
          if (step == stopAtStep) throw new Stop();
        });
  }

  @Test
  void aRunStoppedByAListenerAndStartedAgainEndsAsOneNeverStoppedRatesAndMetricsIncluded() throws IOException {
    ClassifierModel whole = ClassifierModel.create(1);
    TrainingHistory expected = KilnSpark.fit(whole, Adam.lr(0.05f), noise(), SparkFitOptions.epochs(5).batchSize(10)
        .shuffle(3).progress(false).validation(validation())
        .schedule(LearningRateSchedule.onPlateau(Metric.VALIDATION_LOSS, 0.5, 0).threshold(0.1)));

    assertThrows(Stop.class, () -> KilnSpark.fit(ClassifierModel.create(1), Adam.lr(0.05f), noise(), options(8)));
    ClassifierModel resumed = ClassifierModel.create(9);
    TrainingHistory history = KilnSpark.fit(resumed, Adam.lr(0.05f), noise(), options(-1));
    assertArrayEquals(whole.parameters(), resumed.parameters());
    assertEquals(expected.epochs().stream().map(EpochResult::learningRate).toList(),
        history.epochs().stream().map(EpochResult::learningRate).toList());
    assertTrue(expected.epochs().stream().map(EpochResult::learningRate).distinct().count() > 1,
        "the plateau schedule lowered the rate: " + expected);
    List<String> lines = Files.readAllLines(dir.resolve("metrics.jsonl"));
    assertEquals(5, lines.size(), String.join("\n", lines));
    for (int i = 0; i < 5; i++) assertTrue(lines.get(i).startsWith("{\"epoch\":" + (i + 1) + ","), lines.get(i));
  }
}
