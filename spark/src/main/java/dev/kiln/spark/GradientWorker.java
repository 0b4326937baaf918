package dev.kiln.spark;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.GradientSum;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;
import org.apache.spark.broadcast.Broadcast;

/**
 * What runs inside {@code mapPartitions} on an executor: a model of the driver's class made from the
 * broadcast state, a trainer built from it, and its gradient-only entry on the partition's slice of the step.
 */
final class GradientWorker {
  /** The worker's trainer never updates; plain SGD keeps no state to allocate. */
  private static final Optimizer NO_UPDATE = Sgd.lr(1f);

  private GradientWorker() {}

  static PartitionGradient step(PartitionRows rows, Class<? extends KilnModel> modelClass, Broadcast<ModelState> state,
      StepPlan plan, StepKey key) {
    int count = plan.count(rows.partition, key.step() - 1);
    if (count == 0) return PartitionGradient.none();
    KilnModel model = WorkerModels.reusable(modelClass);
    state.value().copyInto(model);
    KilnTrainer trainer = model.trainer(NO_UPDATE, key.dropoutSeed(rows.partition));
    int[] order = rows.order(key.shuffle(), key.seed(), key.epoch());
    int from = plan.from(rows.partition, key.step() - 1);
    float[] x = rows.tokens != null ? null : new float[count * rows.width];
    GradientSum sum;
    if (rows.tokens != null) {
      int[] tokens = new int[count * rows.width];
      int[] labels = new int[count];
      rows.copy(order, from, count, tokens, labels, null);
      sum = ((ClassIndexTrainer) trainer).sumGradients(tokens, labels);
    } else if (rows.labels != null) {
      int[] labels = new int[count];
      rows.copy(order, from, count, x, labels, null);
      sum = ((ClassIndexTrainer) trainer).sumGradients(x, labels);
    } else {
      float[] targets = new float[count * rows.targetWidth];
      rows.copy(order, from, count, x, null, targets);
      sum = ((FloatTargetTrainer) trainer).sumGradients(x, targets);
    }
    return new PartitionGradient(count, trainer.gradients(), sum.loss(), sum.weight(), model.buffers().clone(),
        model.longBuffers().clone());
  }

  /** The rows of the partition whose class the model predicts, and the rows with a class in range: {correct, counted}. */
  static long[] correct(PartitionRows rows, Class<? extends KilnModel> modelClass, Broadcast<ModelState> state) {
    if (rows.rows == 0 || rows.labels == null) return new long[2];
    KilnModel model = WorkerModels.reusable(modelClass);
    state.value().copyInto(model);
    int[] predicted = rows.tokens != null ? model.predict(rows.tokens) : model.predict(rows.features);
    long correct = 0;
    long counted = 0;
    for (int i = 0; i < rows.rows; i++) {
      int label = rows.labels[i];
      if (label < 0 || label >= model.outputSize()) continue;
      counted++;
      if (predicted[i] == label) correct++;
    }
    return new long[] {correct, counted};
  }
}
