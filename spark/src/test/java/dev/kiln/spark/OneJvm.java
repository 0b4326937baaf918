package dev.kiln.spark;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.KilnTrainer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-JVM side of the equality tests, written from the contract rather than from KilnSpark's code:
 * each partition gives every step a slice of ceil(batchSize · its rows / all rows) consecutive rows (in
 * their order, or in the epoch's shuffled order), and the step is {@code trainer.step} on the slices
 * concatenated in partition order.
 */
final class OneJvm {
  private OneJvm() {}

  /** What {@code trainer.step} returned for a step of {@code rows} rows. */
  record StepLoss(float loss, int rows) {}

  /** The losses {@code trainer.step} returned, one per step, over {@code epochs} epochs. */
  static List<StepLoss> train(KilnTrainer trainer, List<List<Example>> partitions, int batchSize, int epochs,
      Long shuffleSeed) {
    long total = partitions.stream().mapToLong(List::size).sum();
    int[] slice = new int[partitions.size()];
    int steps = 0;
    for (int p = 0; p < slice.length; p++) {
      int rows = partitions.get(p).size();
      if (rows == 0) continue;
      slice[p] = (int) Math.min(rows, Math.max(1, (batchSize * (long) rows + total - 1) / total));
      steps = Math.max(steps, (rows + slice[p] - 1) / slice[p]);
    }
    List<StepLoss> losses = new ArrayList<>();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      List<List<Example>> ordered = new ArrayList<>();
      for (int p = 0; p < partitions.size(); p++) {
        List<Example> rows = partitions.get(p);
        ordered.add(shuffleSeed == null ? rows : shuffled(rows, shuffleSeed, epoch, p));
      }
      for (int step = 0; step < steps; step++) {
        List<Example> batch = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
          List<Example> rows = ordered.get(p);
          int from = Math.min(rows.size(), step * slice[p]);
          batch.addAll(rows.subList(from, Math.min(rows.size(), from + slice[p])));
        }
        losses.add(new StepLoss(step(trainer, batch), batch.size()));
      }
    }
    return losses;
  }

  /** A partition's rows in the order {@code shuffle(seed)} visits them in {@code epoch}. */
  static List<Example> shuffled(List<Example> rows, long shuffleSeed, int epoch, int partition) {
    int[] order = PartitionRows.shuffledOrder(rows.size(), shuffleSeed, epoch, partition);
    List<Example> shuffled = new ArrayList<>();
    for (int i : order) shuffled.add(rows.get(i));
    return shuffled;
  }

  static float step(KilnTrainer trainer, List<Example> batch) {
    if (batch.get(0).hasTokens()) {
      int length = batch.get(0).tokens().length;
      int[] tokens = new int[batch.size() * length];
      for (int i = 0; i < batch.size(); i++) System.arraycopy(batch.get(i).tokens(), 0, tokens, i * length, length);
      return ((ClassIndexTrainer) trainer).step(tokens, batch.stream().mapToInt(Example::label).toArray());
    }
    int width = batch.get(0).features().length;
    float[] x = new float[batch.size() * width];
    for (int i = 0; i < batch.size(); i++) System.arraycopy(batch.get(i).features(), 0, x, i * width, width);
    if (batch.get(0).hasLabel()) {
      return ((ClassIndexTrainer) trainer).step(x, batch.stream().mapToInt(Example::label).toArray());
    }
    int outputs = batch.get(0).target().length;
    float[] targets = new float[batch.size() * outputs];
    for (int i = 0; i < batch.size(); i++) System.arraycopy(batch.get(i).target(), 0, targets, i * outputs, outputs);
    return ((FloatTargetTrainer) trainer).step(x, targets);
  }
}
