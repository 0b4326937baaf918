package dev.kiln.spark;

import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.schedule.LearningRateSchedule;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.Logger;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The child JVM of {@link DriverKilledTest}: a driver that trains on {@code local[2]} through
 * {@code KilnSpark.fit} (Adam, a cosine schedule, shuffling) with checkpoints in {@code args[0]} every 5 steps,
 * then saves the model to {@code args[1]}.
 */
public final class ResumableSparkTraining {
  static final int ROWS = 1200;
  static final int PARTITIONS = 3;
  static final int BATCH = 12;
  static final int EPOCHS = 3;
  static final int STEPS_PER_EPOCH = ROWS / BATCH;

  private ResumableSparkTraining() {}

  public static void main(String[] args) throws Exception {
    // The runtime's "resuming from" line reaches the parent through the console, whatever Spark's logging does.
    Logger checkpoints = Logger.getLogger("dev.kiln.runtime.train");
    checkpoints.setUseParentHandlers(false);
    checkpoints.addHandler(new ConsoleHandler());
    try (JavaSparkContext spark = new JavaSparkContext(TestSpark.local2("kiln-resumable"))) {
      ClassifierModel model = ClassifierModel.create(5);
      KilnSpark.fit(model, Adam.lr(0.01f), spark.parallelize(Rows.labelled(ROWS, 6, 3, 17), PARTITIONS),
          SparkFitOptions.epochs(EPOCHS).batchSize(BATCH).shuffle(23).progress(false)
              .schedule(LearningRateSchedule.cosine(EPOCHS, 0))
              .checkpointDirectory(args[0]).checkpointEverySteps(5));
      model.save(Path.of(args[1]));
    }
  }
}
