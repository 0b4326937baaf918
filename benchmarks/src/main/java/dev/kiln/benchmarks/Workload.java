package dev.kiln.benchmarks;

import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.KilnModel;
import dev.kiln.runtime.KilnTrainer;
import dev.kiln.runtime.optim.Adam;
import dev.kiln.runtime.optim.Optimizer;
import dev.kiln.runtime.optim.Sgd;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * One workload of the comparison with PyTorch: the same sizes, batch, loss, optimizer and random data
 * shapes as {@code torch_bench.py}, under the same name.
 */
public record Workload(String name, LongFunction<KilnModel> create, int[] sizes, int batch, boolean adam) {

  public static final List<Workload> ALL = List.of(
      new Workload("blobs-2-10-2-b200-sgd", BlobsModel::create, new int[] {2, 10, 2}, 200, false),
      new Workload("linear-4-3-b7-sgd", Linear43Model::create, new int[] {4, 3}, 7, false),
      new Workload("binary-20-16-1-b64-bcelogits", BinaryModel::create, new int[] {20, 16, 1}, 64, false),
      new Workload("mnist-784-128-10-b64-sgd", MnistModel::create, new int[] {784, 128, 10}, 64, false),
      new Workload("mnist-784-128-10-b64-adam", MnistModel::create, new int[] {784, 128, 10}, 64, true),
      new Workload("mlp-784-512-512-10-b256-adam", MlpModel::create, new int[] {784, 512, 512, 10}, 256, true));

  /** torch_bench's optimizers: SGD with momentum 0.9 at 0.01, or Adam at 1e-3. */
  Optimizer optimizer() {
    return adam ? Adam.lr(1e-3f) : Sgd.lr(0.01f).momentum(0.9f);
  }

  /** Floating-point operations of one training step, counted as torch_bench counts them. */
  double flopsPerStep() {
    double macs = 0;
    for (int i = 0; i < sizes.length - 1; i++) macs += (double) sizes[i] * sizes[i + 1];
    return 6 * batch * macs;
  }

  /** A trainer and a fixed random batch, ready to step. */
  Prepared prepare() {
    KilnModel model = create.apply(0);
    KilnTrainer trainer = model.trainer(optimizer());
    Random random = new Random(0);
    float[] x = new float[batch * sizes[0]];
    for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
    int outputs = sizes[sizes.length - 1];
    if (trainer instanceof ClassIndexTrainer classes) {
      int[] y = new int[batch];
      for (int i = 0; i < batch; i++) y[i] = random.nextInt(outputs);
      return () -> classes.step(x, y);
    }
    float[] y = new float[batch * outputs];
    for (int i = 0; i < y.length; i++) y[i] = random.nextInt(2);
    FloatTargetTrainer floats = (FloatTargetTrainer) trainer;
    return () -> floats.step(x, y);
  }

  /** A workload ready to run: one call is one training step. */
  @FunctionalInterface
  interface Prepared {
    float step();
  }
}
